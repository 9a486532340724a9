package io.fastrtc.jakarta.runtime.webrtc;

import io.fastrtc.jakarta.runtime.connection.Connection;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the work of a libwebrtc callback on the executor. An exception must not escape a libwebrtc
 * callback: webrtc-java rethrows it as a C++ exception on the native thread, which aborts the whole
 * JVM. The executor refuses work once the application is stopping; such late callbacks are dropped.
 */
final class CallbackHandOff {
  private static final Logger LOG = Logger.getLogger(CallbackHandOff.class.getName());

  private final Connection connection;
  private final Executor executor;

  CallbackHandOff(Connection connection, Executor executor) {
    this.connection = connection;
    this.executor = executor;
  }

  /** Queues {@code task} on the executor; never throws. */
  void run(Runnable task) {
    try {
      executor.execute(task);
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "Dropping a libwebrtc callback of " + connection.id(), e);
    }
  }
}
