package io.fastrtc.jakarta.runtime.wire;

/** A request body that does not follow the contract; its message says why, for the client. */
public class InvalidRequestException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a client-facing message. */
  public InvalidRequestException(String message) {
    super(message);
  }
}
