package io.fastrtc.jakarta.runtime.connection;

/** Drives a connection's clock ticks from tests in other packages, without the clock thread. */
public final class ConnectionTicks {
  private ConnectionTicks() {}

  /** Runs {@code count} 10 ms ticks at once. */
  public static void tick(Connection connection, int count) {
    for (int i = 0; i < count; i++) {
      connection.tick(System.nanoTime(), false);
    }
  }
}
