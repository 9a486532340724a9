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
  public DrainState start(Duration within) {
    return begin(within, true);
  }

  /**
   * Starts draining or brings the deadline closer; {@code closeAtDeadline} schedules the close of
   * what is left at the deadline (an operator's drain), otherwise the caller closes it (a stop).
   */
  private synchronized DrainState begin(Duration within, boolean closeAtDeadline) {
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
        deadlineTask = null;
      }
      if (closeAtDeadline) {
        deadlineTask =
            scheduler.schedule(this::deadlineReached, within.toMillis(), TimeUnit.MILLISECONDS);
      }
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
   * connection has ended or the deadline has passed. Returns at once, without draining, for a zero
   * duration or when no connection is live, so an idle server's stop is not slowed. What is still
   * live at the deadline is left for the stop to close (as stopped, not as a drain deadline).
   *
   * @return how long it waited
   */
  public Duration drainForStop(Duration within) {
    int live = registry.all().size();
    if (within.isZero() || within.isNegative() || live == 0) {
      return Duration.ZERO;
    }
    long t0 = System.nanoTime();
    // No close at the deadline here: the stop closes what is left, as stopped (SERVER_STOP).
    DrainState state = begin(within, false);
    try {
      while (!registry.all().isEmpty() && Instant.now().isBefore(state.deadline())) {
        Thread.sleep(100);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Duration waited = Duration.ofNanos(System.nanoTime() - t0);
    int left = registry.all().size();
    LOG.info(
        () ->
            "Stop drain: waited "
                + waited.toMillis()
                + " ms; "
                + (live - left)
                + " of "
                + live
                + " live connection(s) ended by themselves, "
                + left
                + " closed now");
    return waited;
  }

  /** Cancels the deadline's task (the engine stops and closes everything itself). */
  public synchronized void cancel() {
    if (deadlineTask != null) {
      deadlineTask.cancel(false);
    }
  }
}
