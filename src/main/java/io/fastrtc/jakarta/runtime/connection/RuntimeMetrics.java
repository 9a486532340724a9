package io.fastrtc.jakarta.runtime.connection;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Counters and latency histograms for the benchmark and operators: frames in and out, input dropped
 * because a handler fell behind, late clock ticks, the time from receiving an input frame to
 * pushing the audio it produced, and the same for video (decoded frame in to processed frame handed
 * to the encoder). Lock-free; cheap enough for every frame.
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
  private final AtomicLong videoIn = new AtomicLong();
  private final AtomicLong videoOut = new AtomicLong();
  private final AtomicLong videoSkipped = new AtomicLong();
  private final AtomicLong videoDropped = new AtomicLong();
  private final AtomicLong videoTicksSkipped = new AtomicLong();
  private final AtomicLongArray videoLatency = new AtomicLongArray(BUCKETS + 1);
  private volatile ConnectionEvents events = ConnectionEvents.NONE;

  /**
   * Sends every connection event (and each chunk's added latency) to {@code events} from now on.
   */
  public void listen(ConnectionEvents events) {
    this.events = events == null ? ConnectionEvents.NONE : events;
  }

  /** Where connection events go (for refusals made before the registry is asked). */
  public ConnectionEvents events() {
    return events;
  }

  /** Clock ticks so far. */
  public long clockTicks() {
    return clockTicks.get();
  }

  /** Clock ticks that ran more than one frame late so far. */
  public long lateTicks() {
    return lateTicks.get();
  }

  /** Audio frames received from clients so far. */
  public long framesIn() {
    return framesIn.get();
  }

  /** Audio frames (10 ms) sent to clients so far. */
  public long framesOut() {
    return framesOut.get();
  }

  /** Input audio frames dropped because a handler fell behind. */
  public long inputFramesDropped() {
    return inputDropped.get();
  }

  /** Handler calls that threw so far. */
  public long handlerErrors() {
    return handlerErrors.get();
  }

  /** Video frames received so far. */
  public long videoFramesIn() {
    return videoIn.get();
  }

  /** Video frames sent so far. */
  public long videoFramesOut() {
    return videoOut.get();
  }

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
  void tick(boolean late) {
    clockTicks.incrementAndGet();
    if (late) {
      lateTicks.incrementAndGet();
    }
  }

  /** Records the added latency of one output chunk. */
  void latencyNanos(long nanos) {
    latency.incrementAndGet(bucket(nanos));
    events.addedLatency(nanos);
  }

  private static int bucket(long nanos) {
    return (int) Math.min(BUCKETS, Math.max(0, nanos / 1e6 / BUCKET_MS));
  }

  void videoFrameIn() {
    videoIn.incrementAndGet();
  }

  /** A video frame went out; {@code latencyNanos} is -1 for generated frames. */
  void videoFrameOut(long latencyNanos) {
    videoOut.incrementAndGet();
    if (latencyNanos >= 0) {
      videoLatency.incrementAndGet(bucket(latencyNanos));
    }
  }

  /** A newer input frame replaced one the handler had not taken yet (skip-frames). */
  void videoFrameSkipped() {
    videoSkipped.incrementAndGet();
  }

  /** An input frame was dropped because the handler was a second behind. */
  void videoFrameDropped() {
    videoDropped.incrementAndGet();
  }

  /** A generator tick found the previous frame still being made. */
  void videoTickSkipped() {
    videoTicksSkipped.incrementAndGet();
  }

  /** Clears every counter (the benchmark calls this between runs). */
  public void reset() {
    framesIn.set(0);
    inputDropped.set(0);
    framesOut.set(0);
    clockTicks.set(0);
    lateTicks.set(0);
    handlerErrors.set(0);
    videoIn.set(0);
    videoOut.set(0);
    videoSkipped.set(0);
    videoDropped.set(0);
    videoTicksSkipped.set(0);
    for (int i = 0; i <= BUCKETS; i++) {
      latency.set(i, 0);
      videoLatency.set(i, 0);
    }
  }

  /** The latency percentile in milliseconds, or -1 without samples. */
  double latencyPercentileMillis(double percentile) {
    return percentile(latency, percentile);
  }

  /** The video latency percentile in milliseconds, or -1 without samples. */
  double videoLatencyPercentileMillis(double percentile) {
    return percentile(videoLatency, percentile);
  }

  private static double percentile(AtomicLongArray latency, double percentile) {
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
    m.put("videoFramesIn", videoIn.get());
    m.put("videoFramesOut", videoOut.get());
    m.put("videoFramesSkipped", videoSkipped.get());
    m.put("videoFramesDropped", videoDropped.get());
    m.put("videoTicksSkipped", videoTicksSkipped.get());
    m.put("videoLatencyP50Ms", videoLatencyPercentileMillis(50));
    m.put("videoLatencyP99Ms", videoLatencyPercentileMillis(99));
    return m;
  }
}
