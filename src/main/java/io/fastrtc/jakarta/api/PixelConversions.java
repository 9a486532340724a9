package io.fastrtc.jakarta.api;

/**
 * {@link VideoFrame}'s conversions in plain Java, byte for byte what libwebrtc's libyuv produces
 * (BT.601 limited range, the integer formulas of libyuv's {@code I420ToRGB24} and {@code
 * RGB24ToI420}), so a handler gives the same pixels in a unit test as in the server. The runtime
 * converts with libyuv itself at the transport; {@code LibyuvConverterTest} holds the two to the
 * same bytes.
 */
final class PixelConversions {
  /**
   * libyuv's luma term per Y value: {@code Y * 1.164} in 6-bit fixed point, less the 16 offset,
   * plus rounding ({@code YG = 18997}, {@code YB = -1160} in libyuv's BT.601 constants).
   */
  private static final int[] LUMA = new int[256];

  static {
    for (int y = 0; y < 256; y++) {
      LUMA[y] = ((y * 0x0101 * 18997) >>> 16) - 1160;
    }
  }

  private PixelConversions() {}

  /** A new array holding the frame in {@code to}; {@code from != to}. */
  static byte[] convert(int width, int height, PixelFormat from, byte[] data, PixelFormat to) {
    if (from == PixelFormat.I420) {
      return fromI420(width, height, data, redOffset(to));
    }
    if (to == PixelFormat.I420) {
      return toI420(width, height, data, redOffset(from));
    }
    return swapRedBlue(data); // RGB24 <-> BGR24
  }

  /** Where red sits in a packed pixel: 0 for R, G, B; 2 for B, G, R. */
  private static int redOffset(PixelFormat packed) {
    return packed == PixelFormat.RGB24 ? 0 : 2;
  }

  private static byte[] fromI420(int width, int height, byte[] i420, int red) {
    int blue = 2 - red;
    int chromaWidth = PixelFormat.chroma(width);
    int uStart = width * height;
    int vStart = uStart + chromaWidth * PixelFormat.chroma(height);
    byte[] out = new byte[width * height * 3];
    for (int y = 0; y < height; y++) {
      int chromaRow = (y >> 1) * chromaWidth;
      for (int x = 0; x < width; x++) {
        int u = (i420[uStart + chromaRow + (x >> 1)] & 0xff) - 128;
        int v = (i420[vStart + chromaRow + (x >> 1)] & 0xff) - 128;
        int luma = LUMA[i420[y * width + x] & 0xff];
        int i = (y * width + x) * 3;
        out[i + blue] = clamp((luma + u * 128) >> 6);
        out[i + 1] = clamp((luma - (u * 25 + v * 52)) >> 6);
        out[i + red] = clamp((luma + v * 102) >> 6);
      }
    }
    return out;
  }

  private static byte[] toI420(int width, int height, byte[] packed, int red) {
    int blue = 2 - red;
    int chromaWidth = PixelFormat.chroma(width);
    int chromaHeight = PixelFormat.chroma(height);
    byte[] out = new byte[PixelFormat.I420.frameSize(width, height)];
    for (int p = 0; p < width * height; p++) {
      int i = p * 3;
      int r = packed[i + red] & 0xff;
      int g = packed[i + 1] & 0xff;
      int b = packed[i + blue] & 0xff;
      out[p] = (byte) ((66 * r + 129 * g + 25 * b + 0x1080) >> 8);
    }
    int uStart = width * height;
    int vStart = uStart + chromaWidth * chromaHeight;
    for (int cy = 0; cy < chromaHeight; cy++) {
      int top = 2 * cy * width;
      int bottom = Math.min(2 * cy + 1, height - 1) * width;
      for (int cx = 0; cx < chromaWidth; cx++) {
        int left = 2 * cx;
        int right = Math.min(left + 1, width - 1);
        int r = average(packed, top, bottom, left, right, red);
        int g = average(packed, top, bottom, left, right, 1);
        int b = average(packed, top, bottom, left, right, blue);
        out[uStart + cy * chromaWidth + cx] = (byte) ((112 * b - 74 * g - 38 * r + 0x8000) >> 8);
        out[vStart + cy * chromaWidth + cx] = (byte) ((112 * r - 94 * g - 18 * b + 0x8000) >> 8);
      }
    }
    return out;
  }

  /**
   * One channel of a 2x2 block averaged as libyuv's x86 code does: each column's two rows with
   * rounding, then the two columns with rounding (SIMD {@code pavgb} twice). At the right and
   * bottom edges of odd sizes the last column or row stands in for the missing one.
   */
  private static int average(byte[] packed, int top, int bottom, int left, int right, int channel) {
    int leftColumn = rounded(at(packed, top + left, channel), at(packed, bottom + left, channel));
    int rightColumn =
        rounded(at(packed, top + right, channel), at(packed, bottom + right, channel));
    return rounded(leftColumn, rightColumn);
  }

  private static int at(byte[] packed, int pixel, int channel) {
    return packed[pixel * 3 + channel] & 0xff;
  }

  private static int rounded(int a, int b) {
    return (a + b + 1) >> 1;
  }

  private static byte clamp(int value) {
    return (byte) (value < 0 ? 0 : Math.min(value, 255));
  }

  private static byte[] swapRedBlue(byte[] packed) {
    byte[] out = packed.clone();
    for (int i = 0; i + 2 < out.length; i += 3) {
      out[i] = packed[i + 2];
      out[i + 2] = packed[i];
    }
    return out;
  }
}
