package io.fastrtc.jakarta.runtime.connection;

/**
 * What happens to connections, for metrics: the registry reports every admission, refusal and end,
 * labelled by stream and transport ({@code webrtc}, {@code websocket}, {@code telephone}); the
 * output path reports each chunk's added latency. The web layer turns these into MicroProfile
 * Metrics; the default does nothing. Implementations must be cheap and must not throw.
 */
public interface ConnectionEvents {
  /** Does nothing. */
  ConnectionEvents NONE = new ConnectionEvents() {};

  /** A connection was admitted. */
  default void opened(String stream, String transport) {}

  /**
   * A new connection was refused.
   *
   * @param reason the contract's error, e.g. {@code concurrency_limit_reached}
   */
  default void refused(String stream, String transport, String reason) {}

  /**
   * A connection ended.
   *
   * @param reason its end reason in lower case, e.g. {@code client_closed}
   * @param durationNanos from admission to the end
   * @param connectNanos from admission to "connected", or -1 when it never connected
   */
  default void closed(
      String stream, String transport, String reason, long durationNanos, long connectNanos) {}

  /** A chunk of output audio left with this much added latency (input frame in to audio out). */
  default void addedLatency(long nanos) {}
}
