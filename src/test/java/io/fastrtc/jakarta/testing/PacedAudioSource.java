package io.fastrtc.jakarta.testing;

import dev.onvoid.webrtc.media.audio.CustomAudioSource;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link CustomAudioSource} fed in real time: a clock shared by all sources (two daemon threads)
 * pushes a 10 ms frame of 48 kHz mono int16 every 10 ms (catching up after short stalls), taking
 * samples from the current program: a tone, silence, a one-shot clip, or nothing at all.
 *
 * <p>Create it only through {@link NativeWebRtc} being ready (the constructor makes sure of it):
 * pushing audio before the audio device module records aborts the JVM.
 */
public final class PacedAudioSource implements AutoCloseable {

  /** Sample rate of every pushed frame. */
  public static final int SAMPLE_RATE = 48_000;

  /** Samples per pushed frame (10 ms). */
  public static final int FRAME_SAMPLES = SAMPLE_RATE / 100;

  private static final long FRAME_NANOS = 10_000_000L;
  private static final int MAX_CATCH_UP_FRAMES = 20;

  private static final ScheduledExecutorService CLOCK =
      Executors.newScheduledThreadPool(
          2,
          r -> {
            Thread t = new Thread(r, "paced-audio-clock");
            t.setDaemon(true);
            return t;
          });
  private static final System.Logger LOG = System.getLogger(PacedAudioSource.class.getName());

  private final CustomAudioSource source;
  private final Object pushLock = new Object();
  private final AtomicLong framesPushed = new AtomicLong();
  private final short[] frame = new short[FRAME_SAMPLES];
  private final ByteBuffer bytes =
      ByteBuffer.allocate(FRAME_SAMPLES * 2).order(ByteOrder.nativeOrder());
  private final AtomicReference<Program> program = new AtomicReference<>(new Silence());
  private long startNanos;
  private long ticks;
  private boolean halted; // guarded by pushLock
  private ScheduledFuture<?> task;
  private boolean started;
  private boolean stopped;
  private boolean closed;

  /** Creates the native source; frames flow only after {@link #start()}. */
  public PacedAudioSource() {
    NativeWebRtc.factory();
    this.source = new CustomAudioSource();
  }

  /**
   * The native source, to pass to {@code PeerConnectionFactory.createAudioTrack}.
   *
   * @return the underlying source
   */
  public CustomAudioSource source() {
    return source;
  }

  /** Starts the real-time clock (idempotent); the initial program is silence. */
  public synchronized void start() {
    if (started || stopped) {
      return;
    }
    started = true;
    startNanos = System.nanoTime();
    task = CLOCK.scheduleAtFixedRate(this::tick, 0, 10, TimeUnit.MILLISECONDS);
  }

  /**
   * Switches to a continuous sine tone.
   *
   * @param hz frequency in Hz
   * @param amplitude peak level as a fraction of full scale, 0..1
   */
  public void startTone(double hz, double amplitude) {
    program.set(new Tone(hz, amplitude));
  }

  /** Switches to digital silence: frames keep flowing, all zero. */
  public void sendSilence() {
    program.set(new Silence());
  }

  /** Stops pushing frames altogether (as a muted or absent microphone); no RTP audio flows. */
  public void stopTone() {
    program.set(null);
  }

  /**
   * Plays mono 48 kHz samples once, then continues with silence.
   *
   * @param mono48k samples at {@link #SAMPLE_RATE}
   */
  public void play(short[] mono48k) {
    program.set(new Clip(Objects.requireNonNull(mono48k, "mono48k == null").clone()));
  }

  /**
   * Frames pushed into the source so far.
   *
   * @return the count of 10 ms frames
   */
  public long framesPushed() {
    return framesPushed.get();
  }

  /**
   * Stops pushing for good; returns once no frame is being pushed or will be. Idempotent; the
   * native source stays usable as a track source until {@link #close()}.
   */
  public void stop() {
    ScheduledFuture<?> scheduled;
    synchronized (this) {
      if (stopped) {
        return;
      }
      stopped = true;
      scheduled = task;
    }
    if (scheduled != null) {
      scheduled.cancel(false);
    }
    synchronized (pushLock) {
      halted = true; // waits for a tick in progress
    }
  }

  /** Stops the clock ({@link #stop()}) then disposes the native source. Idempotent. */
  @Override
  public void close() {
    stop();
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    source.dispose();
  }

  private void tick() {
    synchronized (pushLock) {
      if (halted) {
        return;
      }
      long due = (System.nanoTime() - startNanos) / FRAME_NANOS + 1;
      if (due - ticks > MAX_CATCH_UP_FRAMES) {
        ticks = due - MAX_CATCH_UP_FRAMES; // after a long stall, drop instead of bursting
      }
      try {
        while (ticks < due) {
          ticks++;
          pushNext();
        }
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.ERROR, "pushing audio failed; this source goes quiet", e);
        halted = true;
      }
    }
  }

  private void pushNext() {
    Program current = program.get();
    if (current == null) {
      return;
    }
    Program next = current.fill(frame);
    if (next != current) {
      program.compareAndSet(current, next);
    }
    bytes.clear();
    bytes.asShortBuffer().put(frame);
    source.pushAudio(bytes.array(), 16, SAMPLE_RATE, 1, FRAME_SAMPLES);
    framesPushed.incrementAndGet();
  }

  /** Fills one frame; returns the program for the next frame (itself, or a successor). */
  private interface Program {
    Program fill(short[] frame);
  }

  private static final class Silence implements Program {
    @Override
    public Program fill(short[] frame) {
      Arrays.fill(frame, (short) 0);
      return this;
    }
  }

  private static final class Tone implements Program {
    private final double step;
    private final double peak;
    private double phase;

    Tone(double hz, double amplitude) {
      this.step = 2 * Math.PI * hz / SAMPLE_RATE;
      this.peak = Math.max(0, Math.min(1, amplitude)) * Audio.FULL_SCALE;
    }

    @Override
    public Program fill(short[] frame) {
      for (int i = 0; i < frame.length; i++) {
        frame[i] = (short) Math.round(peak * Math.sin(phase));
        phase += step;
      }
      phase %= 2 * Math.PI;
      return this;
    }
  }

  private static final class Clip implements Program {
    private final short[] samples;
    private int position;

    Clip(short[] samples) {
      this.samples = samples;
    }

    @Override
    public Program fill(short[] frame) {
      int n = Math.min(frame.length, samples.length - position);
      System.arraycopy(samples, position, frame, 0, Math.max(0, n));
      Arrays.fill(frame, Math.max(0, n), frame.length, (short) 0);
      position += frame.length;
      return position >= samples.length ? new Silence() : this;
    }
  }
}
