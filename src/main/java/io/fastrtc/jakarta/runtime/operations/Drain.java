package io.fastrtc.jakarta.runtime.operations;

import io.fastrtc.jakarta.runtime.connection.ConnectionRegistry;
import io.fastrtc.jakarta.runtime.connection.EndReason;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The server's drain, for rolling deploys: once started (an operator's {@code POST /api/drain}, or
 * a server stop) the registry refuses every new connection on every transport, readiness reports
 * DOWN, and live connections go on until they end or the deadline passes; then the rest are closed
 * through the one close path ({@link EndReason#DRAIN_DEADLINE}). A drain is never undone: it ends
 * with the server's stop. A second request may only bring the deadline closer.
 */
public final class Drain {
  private static final Logger LOG = Logger.getLogger(Drain.class.getName());

  private final ConnectionRegistry registry;
  private final ScheduledExecutorService scheduler;
  private Instant startedAt;
  private Instant deadline;
  private ScheduledFuture<?> deadlineTask;
  private boolean deadlinePassed;

  /**
   * @param registry admits and closes connections
   * @param scheduler runs the deadline's close
   */
  public Drain(ConnectionRegistry registry, ScheduledExecutorService scheduler) {
    this.registry = registry;
    this.scheduler = scheduler;
  }

  /**
   * Starts draining, or brings an earlier drain's deadline closer.
   *
   * @param within how long live connections may go on
   * @return the drain's state after the call
   */
  public synchronized DrainState start(Duration within) {
    Instant now = Instant.now();
    Instant requested = now.plus(within);
    if (startedAt == null) {
      startedAt = now;
      registry.stopAdmitting();
      LOG.info(
          () ->
              "Draining: new connections are refused; "
                  + registry.all().size()
                  + " live connection(s) may go on for "
                  + within.toSeconds()
                  + " s");
    }
    if (deadline == null || requested.isBefore(deadline)) {
      deadline = requested;
      if (deadlineTask != null) {
        deadlineTask.cancel(false);
      }
      deadlineTask =
          scheduler.schedule(this::deadlineReached, within.toMillis(), TimeUnit.MILLISECONDS);
    }
    return state();
  }

  private void deadlineReached() {
    synchronized (this) {
      deadlinePassed = true;
    }
    int live = registry.all().size();
    if (live > 0) {
      LOG.info(() -> "Drain deadline passed: closing " + live + " live connection(s)");
    }
    registry.closeAll(EndReason.DRAIN_DEADLINE);
  }

  /** Whether the server is draining. */
  public boolean isDraining() {
    return !registry.isAdmitting();
  }

  /** The drain's state and the live connections now. */
  public synchronized DrainState state() {
    return new DrainState(isDraining(), startedAt, deadline, deadlinePassed, registry.all().size());
  }

  /**
   * Drains before a stop: starts (or shortens) the drain with {@code within} and waits until every
   * connection has ended or the deadline has passed. Does nothing for a zero duration.
   */
  public void drainForStop(Duration within) {
    if (within.isZero() || within.isNegative()) {
      return;
    }
    DrainState state = start(within);
    try {
      while (!registry.all().isEmpty() && Instant.now().isBefore(state.deadline())) {
        Thread.sleep(100);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Cancels the deadline's task (the engine stops and closes everything itself). */
  public synchronized void cancel() {
    if (deadlineTask != null) {
      deadlineTask.cancel(false);
    }
  }
}
