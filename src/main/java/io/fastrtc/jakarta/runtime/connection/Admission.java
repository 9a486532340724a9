package io.fastrtc.jakarta.runtime.connection;

import io.fastrtc.jakarta.runtime.wire.ErrorCode;

/**
 * The outcome of asking the registry for a new connection: the connection, or the contract's
 * refusal.
 *
 * @param connection the admitted connection, or null
 * @param refusal why it was refused, or null
 * @param limit the concurrency limit, for {@link ErrorCode#CONCURRENCY_LIMIT_REACHED}
 */
public record Admission(Connection connection, ErrorCode refusal, int limit) {

  static Admission admitted(Connection connection) {
    return new Admission(connection, null, 0);
  }

  static Admission refused(ErrorCode code, int limit) {
    return new Admission(null, code, limit);
  }

  /** Whether a connection was admitted. */
  public boolean isAdmitted() {
    return connection != null;
  }
}
