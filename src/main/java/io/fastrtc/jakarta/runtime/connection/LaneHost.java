package io.fastrtc.jakarta.runtime.connection;

/**
 * The connection as its {@link HandlerLane} sees it: its client and its ends. The lane depends on
 * this, not on {@link Connection}.
 */
interface LaneHost {
  /** The media side, or null before it is attached. */
  Transport transport();

  /** Sends a text message to the client if the connection is open. */
  void sendText(String message);

  /** Closes at once; see {@link Connection#close(EndReason)}. */
  void close(EndReason reason);

  /** The handler asked to close: close once the queued audio has played. */
  void closeAfterPlayback(String message);
}
