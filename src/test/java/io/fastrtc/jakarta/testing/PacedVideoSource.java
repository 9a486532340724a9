package io.fastrtc.jakarta.testing;

import dev.onvoid.webrtc.media.FourCC;
import dev.onvoid.webrtc.media.video.CustomVideoSource;
import dev.onvoid.webrtc.media.video.NativeI420Buffer;
import dev.onvoid.webrtc.media.video.VideoBufferConverter;
import dev.onvoid.webrtc.media.video.VideoFrame;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A camera for test clients: a {@link CustomVideoSource} fed at a fixed frame rate with the {@link
 * TestPattern} quadrants, each frame stamped with its number (from 1, modulo 65536) in the code
 * strip. It remembers when each number was pushed, so a receiver can measure round trips.
 *
 * <p>With motion, the quadrants carry a fine texture and pan left by 4 pixels a frame, so an
 * encoder has real work, as with a camera; without, the picture is still apart from the strip.
 */
public final class PacedVideoSource implements AutoCloseable {
  private static final ScheduledExecutorService CLOCK =
      Executors.newScheduledThreadPool(
          2,
          r -> {
            Thread t = new Thread(r, "paced-video-clock");
            t.setDaemon(true);
            return t;
          });

  private final CustomVideoSource source;
  private final int width;
  private final int height;
  private final int fps;
  private final byte[] base;
  private final boolean motion;
  private final byte[] frame;
  private final AtomicLongArray sentNanos = new AtomicLongArray(65_536);
  private final Object pushLock = new Object();
  private long count;
  private boolean halted;
  private boolean closed;
  private ScheduledFuture<?> task;

  /** Creates the native source of a still picture; frames flow after {@link #start()}. */
  public PacedVideoSource(int width, int height, int fps) {
    this(width, height, fps, false);
  }

  /**
   * Creates the native source; frames flow after {@link #start()}.
   *
   * @param motion whether the textured picture pans (see the class comment)
   */
  public PacedVideoSource(int width, int height, int fps, boolean motion) {
    NativeWebRtc.factory();
    this.source = new CustomVideoSource();
    this.width = width;
    this.height = height;
    this.fps = fps;
    this.motion = motion;
    this.base =
        motion
            ? TestPattern.texturedQuadrantsI420(width, height)
            : TestPattern.quadrantsI420(width, height);
    this.frame = base.clone();
  }

  /** The native source, for {@code createVideoTrack}. */
  public CustomVideoSource source() {
    return source;
  }

  /** Starts pushing frames (idempotent). */
  public synchronized void start() {
    if (task == null && !halted) {
      long period = TimeUnit.SECONDS.toMicros(1) / fps;
      task = CLOCK.scheduleAtFixedRate(this::push, 0, period, TimeUnit.MICROSECONDS);
    }
  }

  /** Frames pushed so far. */
  public long framesPushed() {
    synchronized (pushLock) {
      return count;
    }
  }

  /** When the frame with this code was last pushed ({@link System#nanoTime()}), or 0. */
  public long sentNanos(int code) {
    return sentNanos.get(code & 0xFFFF);
  }

  private void push() {
    synchronized (pushLock) {
      if (halted) {
        return;
      }
      int code = (int) ((count + 1) & 0xFFFF);
      if (motion) {
        TestPattern.panI420(base, frame, width, height, (int) (count * 4 % width));
      } else {
        System.arraycopy(base, 0, frame, 0, base.length);
      }
      TestPattern.stampCode(frame, width, height, code);
      NativeI420Buffer buffer = NativeI420Buffer.allocate(width, height);
      try {
        VideoBufferConverter.convertToI420(frame, buffer, FourCC.I420);
        VideoFrame out = new VideoFrame(buffer, System.nanoTime());
        sentNanos.set(code, System.nanoTime());
        source.pushFrame(out);
        count++;
      } catch (Exception e) {
        halted = true;
        throw new IllegalStateException("pushing a video frame failed", e);
      } finally {
        buffer.release();
      }
    }
  }

  /** Stops pushing; returns once no frame is being pushed. Idempotent. */
  public void stop() {
    ScheduledFuture<?> t;
    synchronized (this) {
      t = task;
      halted = true;
    }
    if (t != null) {
      t.cancel(false);
    }
    synchronized (pushLock) {
      halted = true;
    }
  }

  /** Stops, then disposes the native source. Idempotent. */
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
}
