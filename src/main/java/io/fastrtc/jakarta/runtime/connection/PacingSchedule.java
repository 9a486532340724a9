package io.fastrtc.jakarta.runtime.connection;

/**
 * The arithmetic of a real-time clock with a fixed period: how many periods are due at a given
 * time, catching up after a late wake-up and re-anchoring after a long stall instead of bursting.
 * Pure, so pacing is unit-tested without sleeping.
 */
final class PacingSchedule {
  private final long periodNanos;
  private final int maxCatchUp;
  private long next;

  /**
   * @param startNanos the time of the first tick
   * @param periodNanos the period
   * @param maxCatchUp most periods run at once after a late wake-up; beyond, re-anchor
   */
  PacingSchedule(long startNanos, long periodNanos, int maxCatchUp) {
    this.periodNanos = periodNanos;
    this.maxCatchUp = maxCatchUp;
    this.next = startNanos;
  }

  /** When the next tick is due. */
  long nextDueNanos() {
    return next;
  }

  /**
   * Consumes the ticks due at {@code now}: 0 when early, 1 on time, more after a late wake-up (up
   * to {@code maxCatchUp + 1}); after a longer stall, 1 and the schedule restarts from now.
   */
  int due(long now) {
    if (now < next) {
      return 0;
    }
    long late = (now - next) / periodNanos;
    if (late > maxCatchUp) {
      next = now + periodNanos;
      return 1;
    }
    next += (late + 1) * periodNanos;
    return (int) late + 1;
  }
}
