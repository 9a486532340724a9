package io.fastrtc.jakarta.runtime.socket;

/** The two socket routes of a stream, each with its protocol. */
public enum SocketRoute {
  /** FastRTC's WebSocket audio route: JSON frames with base64 µ-law, binary frames answered. */
  WEBSOCKET("/websocket/offer"),
  /** Twilio Media Streams; Twilio sends no binary frames and takes no answers. */
  TELEPHONE("/telephone/handler");

  private final String path;

  SocketRoute(String path) {
    this.path = path;
  }

  /** The route below the application root, or below {@code /streams/<name>}. */
  public String path() {
    return path;
  }

  /** Whether binary frames get an answer; on the other routes the container refuses them. */
  public boolean answersBinaryFrames() {
    return this == WEBSOCKET;
  }
}
