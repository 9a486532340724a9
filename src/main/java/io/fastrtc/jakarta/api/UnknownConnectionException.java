package io.fastrtc.jakarta.api;

/** No live connection has the given id (it never existed, or it has closed). */
public class UnknownConnectionException extends StreamException {
  private static final long serialVersionUID = 1L;
  private final String connectionId;

  /** Creates the exception for an id. */
  public UnknownConnectionException(String connectionId) {
    super("no live connection with id '" + connectionId + "'");
    this.connectionId = connectionId;
  }

  /** The id that was asked for. */
  public String connectionId() {
    return connectionId;
  }
}
