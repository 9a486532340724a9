package io.fastrtc.jakarta.runtime.wire;

/** The {@code meta.error} values of FastRTC's {@code {"status":"failed"}} bodies. */
public enum ErrorCode {
  /** An ICE candidate for an id with no peer connection. */
  UNKNOWN_CONNECTION("unknown_connection"),
  /** A candidate string that is not {@code candidate:...} with at least ten tokens. */
  INVALID_CANDIDATE_FORMAT("invalid_candidate_format"),
  /** An ICE candidate for a connection that has closed. */
  CONNECTION_CLOSED("connection_closed"),
  /** An offer for an id that is already connected. */
  CONNECTION_ALREADY_EXISTS("connection_already_exists"),
  /** The stream's concurrency limit is reached; the body carries {@code limit}. */
  CONCURRENCY_LIMIT_REACHED("concurrency_limit_reached"),
  /** Not FastRTC's: input values were refused (HTTP 400); {@code meta.errors} lists them. */
  INVALID_INPUTS("invalid_inputs"),
  /** Not FastRTC's: the request body is not valid (HTTP 400). */
  INVALID_REQUEST("invalid_request"),
  /** Not FastRTC's: the request body is larger than the limit (HTTP 413). */
  BODY_TOO_LARGE("body_too_large"),
  /** Not FastRTC's: no stream answers on this path (HTTP 404). */
  UNKNOWN_STREAM("unknown_stream"),
  /** Not FastRTC's: the offer could not be processed, e.g. unusable SDP or wrong track kind. */
  OFFER_FAILED("offer_failed"),
  /** Not FastRTC's: WebRTC is unavailable on this server (HTTP 503); the detail says why. */
  WEBRTC_UNAVAILABLE("webrtc_unavailable"),
  /** Not FastRTC's: single sign-on is on and the request carries no valid user (HTTP 401). */
  UNAUTHENTICATED("unauthenticated"),
  /** Not FastRTC's: the user lacks the stream's or the operator role, or a foreign origin (403). */
  FORBIDDEN("forbidden"),
  /**
   * Not FastRTC's: a cluster's shared store (Redis) or the node that owns the connection cannot be
   * reached; a new connection is refused until it is back (docs/scaling.md).
   */
  CLUSTER_UNAVAILABLE("cluster_unavailable"),
  /**
   * Not FastRTC's: the server is draining (rolling deploy) and takes no new connection (HTTP 503
   * with {@code Retry-After}); live connections continue.
   */
  SERVER_DRAINING("server_draining");

  private final String wireName;

  ErrorCode(String wireName) {
    this.wireName = wireName;
  }

  /** The exact string on the wire. */
  public String wireName() {
    return wireName;
  }
}
