package io.fastrtc.jakarta.demo;

import io.fastrtc.jakarta.api.Modality;
import io.fastrtc.jakarta.api.Mode;
import io.fastrtc.jakarta.api.RealtimeStream;
import io.fastrtc.jakarta.api.VideoFrame;
import io.fastrtc.jakarta.api.VideoGenerator;
import io.fastrtc.jakarta.api.VideoResult;
import jakarta.enterprise.context.Dependent;

/**
 * Receive mode: generated video, 640x360 at 30 fps. Eight colour bars scroll left by 4 pixels a
 * frame; the frame number (from 1) is drawn in seven-segment digits in the middle, and in binary
 * along the bottom for machines: the lowest {@value #STRIP_HEIGHT} rows hold 16 cells of 40 pixels,
 * most significant bit first, white for 1 and black for 0 (the number modulo 65536).
 */
@RealtimeStream(
    name = "pattern",
    modality = Modality.VIDEO,
    mode = Mode.RECEIVE,
    fps = 30,
    concurrencyLimit = 5,
    description = "Generated video: moving colour bars and a frame counter")
@Dependent
public class PatternStream implements VideoGenerator {
  static final int WIDTH = 640;
  static final int HEIGHT = 360;
  static final int STRIP_HEIGHT = 24;
  private static final int STEP = 4;
  private static final int[][] BARS = { // B, G, R
    {255, 255, 255}, {0, 255, 255}, {255, 255, 0}, {0, 255, 0},
    {255, 0, 255}, {0, 0, 255}, {255, 0, 0}, {40, 40, 40}
  };
  // Segments a, b, c, d, e, f, g per digit.
  private static final String[] SEGMENTS = {
    "abcdef", "bc", "abdeg", "abcdg", "bcfg", "acdfg", "acdefg", "abc", "abcdefg", "abcdfg"
  };
  private static final byte[] BAR_ROW = barRow();
  private int frame;

  @Override
  public VideoResult next() {
    frame++;
    byte[] bgr = new byte[WIDTH * HEIGHT * 3];
    int offset = (frame * STEP) % WIDTH * 3;
    for (int y = 0; y < HEIGHT; y++) {
      System.arraycopy(BAR_ROW, offset, bgr, y * WIDTH * 3, WIDTH * 3);
    }
    drawCounter(bgr, frame);
    drawStrip(bgr, frame & 0xFFFF);
    return VideoFrame.bgr(WIDTH, HEIGHT, bgr);
  }

  /** Two bar periods side by side, so any offset can be copied in one piece. */
  private static byte[] barRow() {
    byte[] row = new byte[2 * WIDTH * 3];
    for (int x = 0; x < 2 * WIDTH; x++) {
      int[] c = BARS[(x % WIDTH) / (WIDTH / BARS.length)];
      for (int k = 0; k < 3; k++) {
        row[x * 3 + k] = (byte) c[k];
      }
    }
    return row;
  }

  private static void drawCounter(byte[] bgr, int n) {
    String digits = String.format("%06d", n % 1_000_000);
    int w = 36;
    int h = 64;
    int gap = 12;
    int boxWidth = digits.length() * (w + gap) - gap + 32;
    int left = (WIDTH - boxWidth) / 2;
    int top = (HEIGHT - STRIP_HEIGHT - h - 32) / 2;
    fill(bgr, left, top, boxWidth, h + 32, 0);
    for (int i = 0; i < digits.length(); i++) {
      drawDigit(bgr, left + 16 + i * (w + gap), top + 16, w, h, digits.charAt(i) - '0');
    }
  }

  private static void drawDigit(byte[] bgr, int x, int y, int w, int h, int digit) {
    int t = 7;
    int half = h / 2;
    for (char s : SEGMENTS[digit].toCharArray()) {
      switch (s) {
        case 'a' -> fill(bgr, x, y, w, t, 255);
        case 'b' -> fill(bgr, x + w - t, y, t, half, 255);
        case 'c' -> fill(bgr, x + w - t, y + half, t, h - half, 255);
        case 'd' -> fill(bgr, x, y + h - t, w, t, 255);
        case 'e' -> fill(bgr, x, y + half, t, h - half, 255);
        case 'f' -> fill(bgr, x, y, t, half, 255);
        default -> fill(bgr, x, y + half - t / 2, w, t, 255);
      }
    }
  }

  private static void drawStrip(byte[] bgr, int bits) {
    int cell = WIDTH / 16;
    for (int i = 0; i < 16; i++) {
      boolean one = (bits >> (15 - i) & 1) == 1;
      fill(bgr, i * cell, HEIGHT - STRIP_HEIGHT, cell, STRIP_HEIGHT, one ? 255 : 0);
    }
  }

  /** Fills a rectangle with a gray level (all three bytes). */
  private static void fill(byte[] bgr, int x, int y, int w, int h, int level) {
    for (int row = y; row < y + h; row++) {
      java.util.Arrays.fill(bgr, (row * WIDTH + x) * 3, (row * WIDTH + x + w) * 3, (byte) level);
    }
  }
}
