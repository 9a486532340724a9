package io.fastrtc.jakarta.runtime.cluster.redis;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The periodic lease renewal, scheduled when the first connection joins rather than when the
 * cluster starts: the engine is built while the application starts, inside a listener the servlet
 * container added, and Liberty's managed scheduler refuses a repeating task from there (SRVE8011E,
 * seen on the two-node rig).
 */
final class LeaseRenewal {
  private final ScheduledExecutorService scheduler;
  private final long everyMillis;
  private final Runnable renew;
  private final AtomicReference<ScheduledFuture<?>> task = new AtomicReference<>();

  LeaseRenewal(ScheduledExecutorService scheduler, long everyMillis, Runnable renew) {
    this.scheduler = scheduler;
    this.everyMillis = everyMillis;
    this.renew = renew;
  }

  /** Schedules the renewal unless it already runs. */
  void ensureStarted() {
    if (task.get() == null) {
      synchronized (this) {
        if (task.get() == null) {
          task.set(
              scheduler.scheduleAtFixedRate(
                  renew, everyMillis, everyMillis, TimeUnit.MILLISECONDS));
        }
      }
    }
  }

  /** Stops it. */
  void cancel() {
    ScheduledFuture<?> t = task.get();
    if (t != null) {
      t.cancel(false);
    }
  }
}
