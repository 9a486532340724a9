package io.fastrtc.jakarta.api;

/**
 * The one unchecked exception type of the API. A handler may throw it (or any exception) to end its
 * work with a message that reaches the client as {@code {"type":"error","message":...}}.
 */
public class StreamException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception whose message is shown to the client. */
  public StreamException(String message) {
    super(message);
  }

  /** Creates an exception with a cause; the message is shown to the client. */
  public StreamException(String message, Throwable cause) {
    super(message, cause);
  }
}
