package io.fastrtc.jakarta.runtime.connection;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The end of a connection's handler, the last step of its close: {@code shutdown()} runs as the
 * last task on the handler lane (after every call queued before the close), then the instance is
 * destroyed. A handler call that hangs is interrupted after {@link ConnectionTimers#HANG_GRACE}.
 */
final class HandlerShutdown {
  private static final Logger LOG = Logger.getLogger(HandlerShutdown.class.getName());

  private final String id;
  private final HandlerLease lease;
  private final HandlerLane lane;
  private final ConnectionTimers timers;
  private final AudioOutput audio;
  private final AtomicBoolean finished = new AtomicBoolean();

  /**
   * @param audio the outgoing audio, whose resamplers are freed last, or null
   */
  HandlerShutdown(
      String id, HandlerLease lease, HandlerLane lane, ConnectionTimers timers, AudioOutput audio) {
    this.id = id;
    this.lease = lease;
    this.lane = lane;
    this.timers = timers;
    this.audio = audio;
  }

  /** Queues the shutdown behind the handler's pending calls and arms the hang check. Once. */
  void begin() {
    lane.execute(this::finish);
    try {
      timers.armHangCheck(this::checkHang);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      return; // the server is stopping and its scheduler is gone: the lane ran the shutdown here
    }
    if (finished.get()) {
      timers.disarmHangCheck(); // finished before the check was armed (a direct executor)
    }
  }

  private void checkHang() {
    if (!finished.get()) {
      LOG.warning(
          () ->
              "Handler of connection "
                  + id
                  + " did not return within "
                  + ConnectionTimers.HANG_GRACE.toSeconds()
                  + " s of close; interrupting it");
      lane.interruptRunning();
    }
  }

  private void finish() {
    try {
      lease.handler().shutdown();
    } catch (Exception | LinkageError e) {
      LOG.log(Level.WARNING, "shutdown() failed on connection " + id, e);
    } finally {
      try {
        lease.destroy();
        LOG.info(() -> "Connection " + id + ": handler shut down");
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Destroying the handler of connection " + id + " failed", e);
      }
      if (audio != null) {
        audio.close();
      }
      finished.set(true);
      timers.disarmHangCheck();
    }
  }
}
