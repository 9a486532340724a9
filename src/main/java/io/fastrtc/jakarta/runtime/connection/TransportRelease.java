package io.fastrtc.jakarta.runtime.connection;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The step of a connection's close path that releases its transport (a WebRTC peer's native
 * objects, a socket), and a latch to wait for it: the engine's stop waits for every release, even
 * one running on another thread, before it disposes libwebrtc's factory.
 */
final class TransportRelease {
  private static final Logger LOG = Logger.getLogger(TransportRelease.class.getName());

  private final CountDownLatch done = new CountDownLatch(1);

  /** Closes {@code transport} (if any) once; never throws. */
  void run(Transport transport, String connectionId) {
    try {
      if (transport != null) {
        transport.close();
      }
    } catch (RuntimeException | Error e) {
      LOG.log(Level.WARNING, "Closing the transport of connection " + connectionId + " failed", e);
    } finally {
      done.countDown();
    }
  }

  /** Whether the transport has been released. */
  boolean isDone() {
    return done.getCount() == 0;
  }

  /**
   * Waits for the release.
   *
   * @return whether it happened within {@code millis}
   */
  boolean await(long millis) throws InterruptedException {
    return done.await(millis, TimeUnit.MILLISECONDS);
  }
}
