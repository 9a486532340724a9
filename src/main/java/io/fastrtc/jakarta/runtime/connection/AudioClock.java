package io.fastrtc.jakarta.runtime.connection;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one clock that paces every connection's outgoing audio: a single thread that wakes every 10
 * ms and pushes each connection's next frame. Late ticks are caught up (up to 100 ms) so streams
 * stay in real time; after a longer stall the clock re-anchors instead of bursting.
 */
public final class AudioClock {
  private static final Logger LOG = Logger.getLogger(AudioClock.class.getName());
  private static final long PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
  private static final int MAX_CATCH_UP = 10;

  private final ConnectionRegistry registry;
  private final RuntimeMetrics metrics;
  private final Thread thread;
  private final PacingSchedule schedule;
  private volatile boolean running = true;
  private volatile long lastTickNanos = System.nanoTime();

  /**
   * Creates and starts the clock.
   *
   * @param threads makes the clock thread (a managed thread factory in the server)
   */
  public AudioClock(ConnectionRegistry registry, RuntimeMetrics metrics, ThreadFactory threads) {
    this.registry = registry;
    this.metrics = metrics;
    // Created here, not in the clock thread, so its class loads while the WAR is surely present.
    this.schedule = new PacingSchedule(System.nanoTime(), PERIOD_NANOS, MAX_CATCH_UP);
    this.thread = threads.newThread(this::run);
    thread.setName("fastrtc-audio-clock");
    thread.setDaemon(true);
    thread.start();
  }

  private void run() {
    while (running) {
      lastTickNanos = System.nanoTime();
      long wait = schedule.nextDueNanos() - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
        continue;
      }
      long now = System.nanoTime();
      int due = schedule.due(now);
      metrics.tick(due > 1);
      for (int i = 0; i < due && running; i++) {
        tickAll(now);
      }
    }
  }

  private void tickAll(long now) {
    for (Connection c : registry.all()) {
      if (!c.sendsAudio()) {
        continue;
      }
      try {
        c.tick(now);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Pushing audio failed on connection " + c.id(), e);
        c.close(EndReason.TRANSPORT_FAILED);
      }
    }
  }

  /**
   * How long ago the clock thread last ran its loop (it does so at least every 10 ms while it
   * works): liveness reports a stall when this grows. Grows without bound once stopped.
   */
  public long nanosSinceLastTick() {
    return System.nanoTime() - lastTickNanos;
  }

  /** Stops the clock thread and waits for it briefly. */
  public void stop() {
    running = false;
    LockSupport.unpark(thread);
    try {
      thread.join(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
