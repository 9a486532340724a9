package io.fastrtc.jakarta.runtime.connection;

import java.time.Duration;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One connection's timers on the shared scheduler: the connect watchdog, the stream's time limit,
 * the close that waits for queued audio to play, the periodic watch for a hung handler call and for
 * a client that sends no media, and the check for a handler that hangs at close.
 */
final class ConnectionTimers {
  /** How long shutdown may wait behind a hung handler call before it is interrupted. */
  static final Duration HANG_GRACE = Duration.ofSeconds(5);

  private final ScheduledExecutorService scheduler;
  private volatile Future<?> connectWatchdog;
  private volatile Future<?> timeLimit;
  private volatile Future<?> playbackClose;
  private volatile Future<?> hangCheck;
  private volatile Future<?> watch;
  private volatile boolean cancelled;
  private final long createdNanos = System.nanoTime();
  private volatile long connectNanos = -1;

  ConnectionTimers(ScheduledExecutorService scheduler) {
    this.scheduler = scheduler;
  }

  /** Runs {@code onTimeout} unless {@link #disarmConnectWatchdog()} comes first. */
  void armConnectWatchdog(Duration timeout, Runnable onTimeout) {
    connectWatchdog = scheduler.schedule(onTimeout, timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The connection is connected: the watchdog is satisfied. */
  void disarmConnectWatchdog() {
    cancel(connectWatchdog);
    if (connectNanos < 0) {
      connectNanos = System.nanoTime() - createdNanos;
    }
  }

  /** How long the connection took to connect, or -1 when it has not. */
  long connectNanos() {
    return connectNanos;
  }

  /** How long ago the connection was created. */
  long ageNanos() {
    return System.nanoTime() - createdNanos;
  }

  /** Starts the time limit once; no limit when {@code seconds} is 0. */
  void startTimeLimit(int seconds, Runnable onLimit) {
    if (seconds > 0 && timeLimit == null) {
      timeLimit = scheduler.schedule(onLimit, seconds, TimeUnit.SECONDS);
    }
  }

  /** Runs {@code close} once the audio queued now has played. */
  void closeAfterPlayback(long playMillis, Runnable close) {
    playbackClose = scheduler.schedule(close, playMillis, TimeUnit.MILLISECONDS);
  }

  /** Runs {@code check} every {@code period} until {@link #cancelAll()}. Once. */
  void startWatch(Duration period, Runnable check) {
    if (watch == null && !cancelled) {
      long millis = period.toMillis();
      watch = scheduler.scheduleWithFixedDelay(check, millis, millis, TimeUnit.MILLISECONDS);
      if (cancelled) {
        cancel(watch); // the connection closed meanwhile
      }
    }
  }

  /**
   * Cancels the watchdog, the time limit, the watch and a pending playback close: the connection
   * closes.
   */
  void cancelAll() {
    cancelled = true;
    cancel(watch);
    cancel(connectWatchdog);
    cancel(timeLimit);
    cancel(playbackClose);
  }

  /**
   * Runs {@code onHang} after {@link #HANG_GRACE} unless {@link #disarmHangCheck()} comes first.
   */
  void armHangCheck(Runnable onHang) {
    hangCheck = scheduler.schedule(onHang, HANG_GRACE.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The handler finished its shutdown in time. */
  void disarmHangCheck() {
    cancel(hangCheck);
  }

  private static void cancel(Future<?> future) {
    if (future != null) {
      future.cancel(false);
    }
  }
}
