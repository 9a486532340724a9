package io.fastrtc.jakarta.api;

import java.util.Arrays;
import java.util.Objects;

/**
 * One picture: width, height, {@link PixelFormat} and the bytes in that format. Frames from the
 * client arrive as {@link PixelFormat#I420} (what libwebrtc decodes); a handler may return any
 * format and the runtime converts it.
 *
 * <p>The accessors convert in plain Java, to exactly the bytes libwebrtc's own converters (libyuv)
 * produce, so they work in a unit test without the runtime: {@link #toBgr()} gives FastRTC's {@code
 * bgr24} bytes, {@link #toRgb()} the same pixels as R, G, B, {@link #toI420()} the three planes
 * (BT.601, limited range). An accessor for the frame's own format returns its array without
 * copying. As with {@link AudioFrame}, arrays are not copied in or out: treat them as immutable
 * once they belong to a frame.
 */
public final class VideoFrame implements VideoResult {
  private final int width;
  private final int height;
  private final PixelFormat format;
  private final byte[] data;

  private VideoFrame(int width, int height, PixelFormat format, byte[] data) {
    Objects.requireNonNull(format, "format == null");
    Objects.requireNonNull(data, "data == null");
    int expected = format.frameSize(width, height);
    if (data.length != expected) {
      throw new IllegalArgumentException(
          format
              + " "
              + width
              + "x"
              + height
              + " needs "
              + expected
              + " bytes, not "
              + data.length);
    }
    this.width = width;
    this.height = height;
    this.format = format;
    this.data = data;
  }

  /**
   * A frame of any format.
   *
   * @param data the bytes laid out as {@link PixelFormat} describes; not copied
   * @throws IllegalArgumentException if the size is not positive or {@code data} has the wrong
   *     length
   */
  public static VideoFrame of(int width, int height, PixelFormat format, byte[] data) {
    return new VideoFrame(width, height, format, data);
  }

  /** A frame of tightly packed I420 bytes: Y plane, then U, then V. */
  public static VideoFrame i420(int width, int height, byte[] data) {
    return new VideoFrame(width, height, PixelFormat.I420, data);
  }

  /** A frame of packed bytes in the order R, G, B, rows top to bottom. */
  public static VideoFrame rgb(int width, int height, byte[] data) {
    return new VideoFrame(width, height, PixelFormat.RGB24, data);
  }

  /** A frame of packed bytes in the order B, G, R (FastRTC's {@code bgr24}), rows top to bottom. */
  public static VideoFrame bgr(int width, int height, byte[] data) {
    return new VideoFrame(width, height, PixelFormat.BGR24, data);
  }

  /** An I420 frame from three separate planes (copied into one array). */
  public static VideoFrame fromPlanes(Planes planes) {
    Objects.requireNonNull(planes, "planes == null");
    byte[] data = new byte[PixelFormat.I420.frameSize(planes.width(), planes.height())];
    System.arraycopy(planes.y(), 0, data, 0, planes.y().length);
    System.arraycopy(planes.u(), 0, data, planes.y().length, planes.u().length);
    System.arraycopy(planes.v(), 0, data, planes.y().length + planes.u().length, planes.v().length);
    return new VideoFrame(planes.width(), planes.height(), PixelFormat.I420, data);
  }

  /** Width in pixels. */
  public int width() {
    return width;
  }

  /** Height in pixels. */
  public int height() {
    return height;
  }

  /** How {@link #data()} is laid out. */
  public PixelFormat format() {
    return format;
  }

  /** The frame's own bytes, in {@link #format()}; not a copy. */
  public byte[] data() {
    return data;
  }

  /**
   * The pixels as packed bytes in the order <b>R, G, B</b>, 3 per pixel, rows top to bottom: pixel
   * (x, y) starts at {@code (y * width + x) * 3}.
   */
  public byte[] toRgb() {
    return convertTo(PixelFormat.RGB24).data;
  }

  /**
   * The pixels as packed bytes in the order <b>B, G, R</b> (FastRTC's and OpenCV's order), 3 per
   * pixel, rows top to bottom: pixel (x, y) starts at {@code (y * width + x) * 3}.
   */
  public byte[] toBgr() {
    return convertTo(PixelFormat.BGR24).data;
  }

  /** The frame as three I420 planes (copies). */
  public Planes toI420() {
    byte[] i420 = convertTo(PixelFormat.I420).data;
    int ySize = width * height;
    int cSize = PixelFormat.chroma(width) * PixelFormat.chroma(height);
    return new Planes(
        width,
        height,
        Arrays.copyOfRange(i420, 0, ySize),
        Arrays.copyOfRange(i420, ySize, ySize + cSize),
        Arrays.copyOfRange(i420, ySize + cSize, ySize + 2 * cSize));
  }

  /**
   * This frame in another format: itself when it already has that format, else a converted copy.
   */
  public VideoFrame convertTo(PixelFormat target) {
    Objects.requireNonNull(target, "target == null");
    if (target == format) {
      return this;
    }
    byte[] converted = PixelConversions.convert(width, height, format, data, target);
    return new VideoFrame(width, height, target, converted);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof VideoFrame that
        && width == that.width
        && height == that.height
        && format == that.format
        && Arrays.equals(data, that.data);
  }

  @Override
  public int hashCode() {
    return Objects.hash(width, height, format) * 31 + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return "VideoFrame[" + width + "x" + height + " " + format + "]";
  }

  /**
   * The three planes of an I420 frame, each tightly packed (stride = plane width), rows top to
   * bottom.
   *
   * @param width luma width
   * @param height luma height
   * @param y luma, {@code width × height} bytes
   * @param u Cb, {@link #chromaWidth()} × {@link #chromaHeight()} bytes
   * @param v Cr, same size as {@code u}
   */
  // Planes wrap the converter's arrays without a copy; a copy per frame would double the
  // allocation on the video path.
  @SuppressWarnings("ArrayRecordComponent")
  public record Planes(int width, int height, byte[] y, byte[] u, byte[] v) {

    /** Checks the plane sizes. */
    public Planes {
      Objects.requireNonNull(y, "y == null");
      Objects.requireNonNull(u, "u == null");
      Objects.requireNonNull(v, "v == null");
      PixelFormat.I420.frameSize(width, height);
      int chroma = PixelFormat.chroma(width) * PixelFormat.chroma(height);
      if (y.length != width * height || u.length != chroma || v.length != chroma) {
        throw new IllegalArgumentException(
            "I420 planes of "
                + width
                + "x"
                + height
                + " need "
                + width * height
                + "/"
                + chroma
                + "/"
                + chroma
                + " bytes, not "
                + y.length
                + "/"
                + u.length
                + "/"
                + v.length);
      }
    }

    /** Width of the chroma planes: {@code ceil(width / 2)}. */
    public int chromaWidth() {
      return PixelFormat.chroma(width);
    }

    /** Height of the chroma planes: {@code ceil(height / 2)}. */
    public int chromaHeight() {
      return PixelFormat.chroma(height);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Planes that
          && width == that.width
          && height == that.height
          && Arrays.equals(y, that.y)
          && Arrays.equals(u, that.u)
          && Arrays.equals(v, that.v);
    }

    @Override
    public int hashCode() {
      return Objects.hash(
          width, height, Arrays.hashCode(y), Arrays.hashCode(u), Arrays.hashCode(v));
    }

    @Override
    public String toString() {
      return "Planes[" + width + "x" + height + "]";
    }
  }
}
