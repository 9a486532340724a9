package io.fastrtc.jakarta.api;

/**
 * How a {@link VideoFrame}'s bytes are laid out. Rows always run top to bottom and pixels left to
 * right, with no padding between rows.
 *
 * <p>FastRTC hands video handlers numpy arrays in <b>BGR</b> order ({@code bgr24}); its docs say
 * RGB, which is wrong. Here the order is part of the type: pick {@link #BGR24} for code ported from
 * FastRTC or OpenCV, {@link #RGB24} for most other libraries.
 */
public enum PixelFormat {
  /**
   * Planar YUV 4:2:0 (BT.601, limited range), what libwebrtc encodes and decodes: the Y plane
   * ({@code width × height} bytes), then the U (Cb) plane, then the V (Cr) plane, each chroma plane
   * {@code ceil(width / 2) × ceil(height / 2)} bytes.
   */
  I420,
  /** Packed 24-bit, 3 bytes per pixel in the order <b>R, G, B</b>. */
  RGB24,
  /** Packed 24-bit, 3 bytes per pixel in the order <b>B, G, R</b> (FastRTC's and OpenCV's). */
  BGR24;

  /**
   * The number of bytes a frame of this format and size holds.
   *
   * @throws IllegalArgumentException if a dimension is not positive
   */
  public int frameSize(int width, int height) {
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("frame size must be positive: " + width + "x" + height);
    }
    return switch (this) {
      case I420 -> Math.addExact(width * height, 2 * chroma(width) * chroma(height));
      case RGB24, BGR24 -> Math.multiplyExact(Math.multiplyExact(width, height), 3);
    };
  }

  /** The chroma dimension of an I420 plane for a luma dimension: {@code ceil(n / 2)}. */
  static int chroma(int lumaDimension) {
    return (lumaDimension + 1) / 2;
  }
}
