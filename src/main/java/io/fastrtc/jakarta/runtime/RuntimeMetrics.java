package io.fastrtc.jakarta.runtime;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Counters and a latency histogram for the benchmark and operators: frames in and out, input
 * dropped because a handler fell behind, late clock ticks, and the time from receiving an input
 * frame to pushing the audio it produced. Lock-free; cheap enough for every frame.
 */
public final class RuntimeMetrics {
  private static final int BUCKETS = 2000; // 0.5 ms buckets up to 1 s
  private static final double BUCKET_MS = 0.5;

  private final AtomicLong framesIn = new AtomicLong();
  private final AtomicLong inputDropped = new AtomicLong();
  private final AtomicLong framesOut = new AtomicLong();
  private final AtomicLong clockTicks = new AtomicLong();
  private final AtomicLong lateTicks = new AtomicLong();
  private final AtomicLong handlerErrors = new AtomicLong();
  private final AtomicLongArray latency = new AtomicLongArray(BUCKETS + 1);

  void frameIn() {
    framesIn.incrementAndGet();
  }

  void inputDropped() {
    inputDropped.incrementAndGet();
  }

  void frameOut() {
    framesOut.incrementAndGet();
  }

  void handlerError() {
    handlerErrors.incrementAndGet();
  }

  /** Counts a clock tick, and whether it ran more than one frame late. */
  public void tick(boolean late) {
    clockTicks.incrementAndGet();
    if (late) {
      lateTicks.incrementAndGet();
    }
  }

  /** Records the added latency of one output chunk. */
  void latencyNanos(long nanos) {
    int bucket = (int) Math.min(BUCKETS, Math.max(0, nanos / 1e6 / BUCKET_MS));
    latency.incrementAndGet(bucket);
  }

  /** Clears every counter (the benchmark calls this between runs). */
  public void reset() {
    framesIn.set(0);
    inputDropped.set(0);
    framesOut.set(0);
    clockTicks.set(0);
    lateTicks.set(0);
    handlerErrors.set(0);
    for (int i = 0; i <= BUCKETS; i++) {
      latency.set(i, 0);
    }
  }

  /** The latency percentile in milliseconds, or -1 without samples. */
  public double latencyPercentileMillis(double percentile) {
    long total = 0;
    for (int i = 0; i <= BUCKETS; i++) {
      total += latency.get(i);
    }
    if (total == 0) {
      return -1;
    }
    long rank = (long) Math.ceil(percentile / 100.0 * total);
    long seen = 0;
    for (int i = 0; i <= BUCKETS; i++) {
      seen += latency.get(i);
      if (seen >= rank) {
        return (i + 1) * BUCKET_MS;
      }
    }
    return BUCKETS * BUCKET_MS;
  }

  /** A snapshot for JSON. */
  public Map<String, Object> snapshot() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("framesIn", framesIn.get());
    m.put("inputDropped", inputDropped.get());
    m.put("framesOut", framesOut.get());
    m.put("clockTicks", clockTicks.get());
    m.put("lateTicks", lateTicks.get());
    m.put("handlerErrors", handlerErrors.get());
    m.put("latencyP50Ms", latencyPercentileMillis(50));
    m.put("latencyP99Ms", latencyPercentileMillis(99));
    return m;
  }
}
