package io.fastrtc.jakarta.testing;

import io.fastrtc.jakarta.api.PixelFormat;
import io.fastrtc.jakarta.api.VideoFrame;

/**
 * The known picture test clients send, and how to read pictures back.
 *
 * <p>The picture: four quadrants, top-left red, top-right green, bottom-left blue, bottom-right
 * white, so a vertical flip, a horizontal mirror and a grayscale filter each give a distinct
 * answer. Along the bottom, {@link #STRIP_FRACTION} of the height carries a 16-bit frame code: 16
 * cells, most significant bit first, white for 1 and black for 0; the same layout as the {@code
 * pattern} demo stream's counter.
 */
public final class TestPattern {

  /** The code strip's height as a fraction of the picture's (24 of 360 rows, 32 of 480). */
  public static final double STRIP_FRACTION = 1 / 15.0;

  private TestPattern() {}

  /** The quadrant picture as packed B, G, R. */
  public static byte[] quadrantsBgr(int width, int height) {
    byte[] bgr = new byte[width * height * 3];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int i = (y * width + x) * 3;
        boolean top = y < height / 2;
        boolean left = x < width / 2;
        // red (top-left), green (top-right), blue (bottom-left), white (bottom-right)
        bgr[i] = (byte) (top ? 0 : 255);
        bgr[i + 1] = (byte) (left ? 0 : 255);
        bgr[i + 2] = (byte) (top == left ? 255 : 0);
      }
    }
    return bgr;
  }

  /** The quadrant picture as I420, converted by libyuv. */
  public static byte[] quadrantsI420(int width, int height) {
    return VideoFrame.bgr(width, height, quadrantsBgr(width, height))
        .convertTo(PixelFormat.I420)
        .data();
  }

  /**
   * The quadrant picture with a texture a codec has to work for: 16-pixel checks of ±40 luma and
   * diagonal stripes, as I420.
   */
  public static byte[] texturedQuadrantsI420(int width, int height) {
    byte[] bgr = quadrantsBgr(width, height);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int delta = ((x / 16 + y / 16) % 2 == 0 ? 40 : -40) + ((x + y) % 24 < 4 ? 30 : 0);
        for (int k = 0; k < 3; k++) {
          int i = (y * width + x) * 3 + k;
          bgr[i] = (byte) Math.max(0, Math.min(255, (bgr[i] & 255) + delta));
        }
      }
    }
    return VideoFrame.bgr(width, height, bgr).convertTo(PixelFormat.I420).data();
  }

  /**
   * Copies an I420 picture shifted left by {@code shift} pixels (even), wrapping around: a camera
   * panning.
   */
  public static void panI420(byte[] from, byte[] to, int width, int height, int shift) {
    int cw = (width + 1) / 2;
    int ch = (height + 1) / 2;
    rollRows(from, to, 0, width, height, shift);
    rollRows(from, to, width * height, cw, ch, shift / 2);
    rollRows(from, to, width * height + cw * ch, cw, ch, shift / 2);
  }

  private static void rollRows(byte[] from, byte[] to, int offset, int w, int h, int shift) {
    int s = Math.floorMod(shift, w);
    for (int y = 0; y < h; y++) {
      int row = offset + y * w;
      System.arraycopy(from, row + s, to, row, w - s);
      System.arraycopy(from, row, to, row + w - s, s);
    }
  }

  /**
   * Writes {@code code} (low 16 bits) into the strip of an I420 frame: luma 16/235, gray chroma.
   */
  public static void stampCode(byte[] i420, int width, int height, int code) {
    int stripTop = height - stripHeight(height);
    int cell = width / 16;
    for (int y = stripTop; y < height; y++) {
      for (int i = 0; i < 16; i++) {
        byte luma = (byte) ((code >> (15 - i) & 1) == 1 ? 235 : 16);
        java.util.Arrays.fill(i420, y * width + i * cell, y * width + (i + 1) * cell, luma);
      }
    }
    int cw = (width + 1) / 2;
    int ch = (height + 1) / 2;
    int uStart = width * height;
    for (int y = stripTop / 2; y < ch; y++) {
      java.util.Arrays.fill(i420, uStart + y * cw, uStart + (y + 1) * cw, (byte) 128);
      java.util.Arrays.fill(
          i420, uStart + cw * ch + y * cw, uStart + cw * ch + (y + 1) * cw, (byte) 128);
    }
  }

  /** The strip's height in rows for a picture height. */
  public static int stripHeight(int height) {
    return (int) Math.round(height * STRIP_FRACTION);
  }

  /**
   * Reads the 16-bit code from a luma plane.
   *
   * @param luma the Y plane
   * @param stride bytes per luma row
   */
  public static int readCode(java.nio.ByteBuffer luma, int stride, int width, int height) {
    int y = height - Math.max(1, stripHeight(height) / 2);
    int code = 0;
    for (int i = 0; i < 16; i++) {
      int x = (int) ((i + 0.5) * width / 16);
      int sum = 0;
      for (int dx = -2; dx <= 2; dx++) {
        sum += luma.get(y * stride + Math.max(0, Math.min(width - 1, x + dx))) & 255;
      }
      code = code << 1 | (sum / 5 > 128 ? 1 : 0);
    }
    return code;
  }

  /**
   * The mean colour of a cell's middle half, as {@code [r, g, b]}.
   *
   * @param bgr packed B, G, R
   * @param grid cells per side
   */
  public static int[] cellRgb(byte[] bgr, int width, int height, int grid, int row, int column) {
    int x0 = (int) ((column + 0.25) * width / grid);
    int y0 = (int) ((row + 0.25) * height / grid);
    int w = Math.max(1, width / grid / 2);
    int h = Math.max(1, height / grid / 2);
    long[] sum = new long[3];
    for (int y = y0; y < y0 + h; y++) {
      for (int x = x0; x < x0 + w; x++) {
        int i = (y * width + x) * 3;
        sum[0] += bgr[i + 2] & 255;
        sum[1] += bgr[i + 1] & 255;
        sum[2] += bgr[i] & 255;
      }
    }
    int n = w * h;
    return new int[] {(int) (sum[0] / n), (int) (sum[1] / n), (int) (sum[2] / n)};
  }

  /**
   * Names a colour: red, green, blue, white, black, gray, or "other".
   *
   * @param rgb {@code [r, g, b]} 0..255
   */
  public static String name(int[] rgb) {
    int r = rgb[0];
    int g = rgb[1];
    int b = rgb[2];
    int max = Math.max(r, Math.max(g, b));
    int min = Math.min(r, Math.min(g, b));
    if (max - min < 40) {
      return max > 200 ? "white" : max < 50 ? "black" : "gray";
    }
    if (r > 150 && g < 100 && b < 100) {
      return "red";
    }
    if (g > 150 && r < 100 && b < 100) {
      return "green";
    }
    if (b > 150 && r < 100 && g < 100) {
      return "blue";
    }
    return "other";
  }
}
