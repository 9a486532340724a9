package io.fastrtc.jakarta.testing;

import dev.onvoid.webrtc.media.FourCC;
import dev.onvoid.webrtc.media.video.I420Buffer;
import dev.onvoid.webrtc.media.video.VideoBufferConverter;
import dev.onvoid.webrtc.media.video.VideoFrame;
import dev.onvoid.webrtc.media.video.VideoTrackSink;
import io.fastrtc.jakarta.api.PixelFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link VideoTrackSink} that counts frames, reads each frame's {@link TestPattern} code from the
 * luma plane (no conversion), and keeps a copy of the newest frame for colour checks. libwebrtc
 * calls it on its decoder thread; it only copies there.
 */
public final class VideoCapture implements VideoTrackSink {
  private static final int KEEP_ARRIVALS = 4096;

  private long frames;
  private long failures;
  private int width;
  private int height;
  private byte[] latestI420;
  private final List<Arrival> arrivals = new ArrayList<>();

  /**
   * One received frame: its code and when it arrived.
   *
   * @param code the 16-bit frame code read from the picture
   * @param nanos {@link System#nanoTime()} at arrival
   * @param width frame width
   * @param height frame height
   */
  public record Arrival(int code, long nanos, int width, int height) {}

  /**
   * The newest picture.
   *
   * @param width pixels
   * @param height pixels
   * @param bgr packed B, G, R
   */
  public record Picture(int width, int height, byte[] bgr) {
    /** The mean colour name of a cell of a {@code grid}×{@code grid} split. */
    public String cell(int grid, int row, int column) {
      return TestPattern.name(TestPattern.cellRgb(bgr, width, height, grid, row, column));
    }

    /** The mean {@code [r, g, b]} of a cell. */
    public int[] cellRgb(int grid, int row, int column) {
      return TestPattern.cellRgb(bgr, width, height, grid, row, column);
    }
  }

  @Override
  public void onVideoFrame(VideoFrame frame) {
    long now = System.nanoTime();
    try {
      I420Buffer i420 = frame.buffer.toI420();
      int w = i420.getWidth();
      int h = i420.getHeight();
      int code = TestPattern.readCode(i420.getDataY(), i420.getStrideY(), w, h);
      byte[] copy = new byte[PixelFormat.I420.frameSize(w, h)];
      VideoBufferConverter.convertFromI420(frame.buffer, copy, FourCC.I420);
      synchronized (this) {
        frames++;
        width = w;
        height = h;
        latestI420 = copy;
        if (arrivals.size() == KEEP_ARRIVALS) {
          arrivals.remove(0);
        }
        arrivals.add(new Arrival(code, now, w, h));
        notifyAll();
      }
    } catch (Exception | LinkageError e) {
      // Never throw into libwebrtc's decoder thread: webrtc-java would abort the JVM.
      synchronized (this) {
        failures++;
      }
    } finally {
      frame.release();
    }
  }

  /** Frames received so far. */
  public synchronized long frames() {
    return frames;
  }

  /** The last {@value #KEEP_ARRIVALS} arrivals, oldest first. */
  public synchronized List<Arrival> arrivals() {
    return List.copyOf(arrivals);
  }

  /** The newest picture, converted to B, G, R by libyuv; null before the first frame. */
  public Picture latest() {
    byte[] i420;
    int w;
    int h;
    synchronized (this) {
      i420 = latestI420;
      w = width;
      h = height;
    }
    if (i420 == null) {
      return null;
    }
    return new Picture(w, h, io.fastrtc.jakarta.api.VideoFrame.i420(w, h, i420).toBgr());
  }

  /**
   * Waits until at least {@code count} frames have arrived.
   *
   * @throws AssertionError on timeout
   */
  public synchronized void awaitFrames(long count, Duration timeout) {
    Await.onMonitor(
        this,
        () -> frames >= count,
        timeout,
        () -> "received " + frames + " video frames, wanted " + count + " within " + timeout);
  }

  @Override
  public synchronized String toString() {
    return "VideoCapture[frames="
        + frames
        + ", "
        + width
        + "x"
        + height
        + (failures > 0 ? ", unreadable " + failures : "")
        + "]";
  }
}
