package io.fastrtc.jakarta.api;

/** Which way media flows, seen from the client. FastRTC's {@code mode}. */
public enum Mode {
  /** The client sends media and the server replies with media. */
  SEND_RECEIVE("send-receive"),
  /**
   * The client only sends; the handler's media output is ignored (outputs and close still count).
   */
  SEND("send"),
  /** The client only receives media that the handler generates. */
  RECEIVE("receive");

  private final String wireName;

  Mode(String wireName) {
    this.wireName = wireName;
  }

  /** The name FastRTC uses for this mode, e.g. {@code "send-receive"}. */
  public String wireName() {
    return wireName;
  }

  /** Whether the client sends media to the server in this mode. */
  public boolean clientSends() {
    return this != RECEIVE;
  }

  /** Whether the server sends media to the client in this mode. */
  public boolean serverSends() {
    return this != SEND;
  }
}
