package io.fastrtc.jakarta.runtime.connection;

/**
 * Why a connection ended. Every reason goes through the same close path. (Named so that it does not
 * clash with {@code jakarta.websocket.CloseReason}, the WebSocket close frame.)
 */
public enum EndReason {
  /** The client closed the connection or its data channel. */
  CLIENT_CLOSED,
  /** ICE or DTLS failed, or the connection stayed disconnected too long. */
  TRANSPORT_FAILED,
  /** The connection did not reach "connected" within the connect watchdog. */
  CONNECT_TIMEOUT,
  /** The stream's time limit elapsed. */
  TIME_LIMIT,
  /** The handler emitted close-stream. */
  CLOSE_STREAM,
  /** The handler threw. */
  HANDLER_ERROR,
  /**
   * A handler call did not return within the hang timeout ({@code fastrtc.handler.hang-timeout}).
   */
  HANDLER_HUNG,
  /**
   * The client sent no media for the idle timeout ({@code fastrtc.connection.idle-timeout})
   * although its stream's mode has the client send.
   */
  NO_MEDIA,
  /** The application or server is stopping. */
  SERVER_STOP,
  /** Setting the connection up failed. */
  SETUP_FAILED,
  /** The server was draining and the drain's deadline passed with the connection still live. */
  DRAIN_DEADLINE,
  /** The client broke the socket's message policy: too many messages or characters per second. */
  POLICY_VIOLATION
}
