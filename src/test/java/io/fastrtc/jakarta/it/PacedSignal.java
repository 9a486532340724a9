package io.fastrtc.jakarta.it;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A client microphone for the socket ITs: from the first {@link #tone} or {@link #silence} on,
 * every 20 ms it hands the next chunk of a sine (or of silence) to a sink that sends it. The tone
 * can change while it runs, with continuous phase.
 */
final class PacedSignal implements AutoCloseable {
  private static final ScheduledExecutorService CLOCK =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "it-paced-signal");
            t.setDaemon(true);
            return t;
          });

  private final int rate;
  private final Consumer<short[]> sink;
  private ScheduledFuture<?> task;
  private volatile double hz;
  private volatile double amplitude;
  private volatile long changedNanos;
  private double phase;

  /** Sends nothing until the first {@link #tone} or {@link #silence}. */
  PacedSignal(int rate, Consumer<short[]> sink) {
    this.rate = rate;
    this.sink = sink;
  }

  /** From the next chunk on, a sine of {@code hz} at {@code amplitude} (fraction of full scale). */
  synchronized PacedSignal tone(double hz, double amplitude) {
    this.hz = hz;
    this.amplitude = amplitude;
    this.changedNanos = System.nanoTime();
    if (task == null) {
      task = CLOCK.scheduleAtFixedRate(this::tick, 0, 20, TimeUnit.MILLISECONDS);
    }
    return this;
  }

  /** From the next chunk on, digital silence. */
  PacedSignal silence() {
    return tone(0, 0);
  }

  /** {@link System#nanoTime()} of the last change. */
  long changedNanos() {
    return changedNanos;
  }

  private void tick() {
    short[] chunk = new short[rate / 50];
    double step = 2 * Math.PI * hz / rate;
    for (int i = 0; i < chunk.length; i++) {
      chunk[i] = (short) Math.round(amplitude * 32767 * Math.sin(phase));
      phase += step;
    }
    phase %= 2 * Math.PI;
    try {
      sink.accept(chunk);
    } catch (RuntimeException | AssertionError e) {
      close(); // the socket closed
    }
  }

  @Override
  public synchronized void close() {
    if (task != null) {
      task.cancel(false);
    }
  }
}
