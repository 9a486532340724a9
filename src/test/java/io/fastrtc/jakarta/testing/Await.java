package io.fastrtc.jakarta.testing;

import java.time.Duration;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Polls a condition until it holds or a timeout passes; the test-side replacement for sleeps. */
public final class Await {

  private static final long POLL_MILLIS = 10;

  private Await() {}

  /**
   * Waits until {@code condition} is true.
   *
   * @param condition checked every 10 ms, must be cheap and thread-safe
   * @param timeout how long to wait at most
   * @param description evaluated on timeout for the failure message (e.g. the current state)
   * @throws AssertionError if the condition is still false after {@code timeout}
   */
  public static void until(
      BooleanSupplier condition, Duration timeout, Supplier<String> description) {
    Objects.requireNonNull(condition, "condition == null");
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline >= 0) {
        throw new AssertionError("timed out after " + timeout + ": " + description.get());
      }
      sleep(POLL_MILLIS);
    }
  }

  /**
   * Waits on {@code monitor} (whose lock the caller holds) until {@code condition} is true; the
   * monitor's owner calls {@code notifyAll()} when the state changes.
   *
   * @param monitor the object whose lock the caller holds
   * @param condition checked after every wake-up, under the monitor's lock
   * @param timeout how long to wait at most
   * @param description evaluated on timeout for the failure message
   * @throws AssertionError if the condition is still false after {@code timeout}
   */
  public static void onMonitor(
      Object monitor, BooleanSupplier condition, Duration timeout, Supplier<String> description) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError(description.get());
      }
      try {
        monitor.wait(Math.max(1, left / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting", e);
    }
  }
}
