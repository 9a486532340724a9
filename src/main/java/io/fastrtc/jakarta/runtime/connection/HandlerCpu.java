package io.fastrtc.jakarta.runtime.connection;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The CPU time of one connection's handler calls, for {@link StreamMeter#handlerCpuSeconds()}: the
 * calling thread's CPU time ({@link ThreadMXBean#getCurrentThreadCpuTime()}) before and after every
 * {@link #SAMPLE_EVERY}th call, scaled by that number. Reading a thread's CPU clock is a system
 * call (2 to 3 µs each on the project's machine, against 30 to 70 ns for {@link
 * System#nanoTime()}), so timing every call of an echo (about 150 a second per connection) would
 * cost more than the handler; one in eight brings it to about 0.6 µs per call on average. Used on
 * the handler lane only, one call at a time.
 */
final class HandlerCpu {
  /** Every how many calls one is timed. */
  static final int SAMPLE_EVERY = 8;

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final boolean SUPPORTED = supported();

  private final StreamMeter meter;
  private final int every;
  private int calls; // the lane only

  HandlerCpu(StreamMeter meter) {
    this(meter, SAMPLE_EVERY);
  }

  /** For tests: time every {@code every}th call. */
  HandlerCpu(StreamMeter meter, int every) {
    if (every < 1) {
      throw new IllegalArgumentException("every < 1");
    }
    this.meter = meter;
    this.every = every;
  }

  /** Runs a handler call that returns a value, timing its CPU when it is this call's turn. */
  <T> T call(HandlerLane.HandlerFunction<T> body) throws Exception {
    if (!timesThisCall()) {
      return body.call();
    }
    long start = THREADS.getCurrentThreadCpuTime();
    try {
      return body.call();
    } finally {
      record(start);
    }
  }

  /** Runs a handler call that returns nothing, timing its CPU when it is this call's turn. */
  void run(HandlerLane.HandlerCall body) throws Exception {
    if (!timesThisCall()) {
      body.run();
      return;
    }
    long start = THREADS.getCurrentThreadCpuTime();
    try {
      body.run();
    } finally {
      record(start);
    }
  }

  private boolean timesThisCall() {
    if (!SUPPORTED || ++calls < every) {
      return false;
    }
    calls = 0;
    return true;
  }

  private void record(long start) {
    long end = THREADS.getCurrentThreadCpuTime();
    if (start >= 0 && end >= start) {
      meter.handlerCpu((end - start) * every);
    }
  }

  /** Whether this JVM measures a thread's CPU time (HotSpot and OpenJ9 do by default). */
  static boolean isSupported() {
    return SUPPORTED;
  }

  private static boolean supported() {
    try {
      return THREADS.isCurrentThreadCpuTimeSupported() && THREADS.isThreadCpuTimeEnabled();
    } catch (UnsupportedOperationException | SecurityException e) {
      return false;
    }
  }
}
