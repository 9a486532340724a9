package io.fastrtc.jakarta.runtime.webrtc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fastrtc.jakarta.api.PixelFormat;
import io.fastrtc.jakarta.api.StreamException;
import io.fastrtc.jakarta.api.VideoFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The API's pure-Java conversions ({@link VideoFrame#convertTo}) and the runtime's libyuv give the
 * same bytes, for every pair of formats, random and extreme pixels, and odd sizes. Skipped where
 * libwebrtc cannot load, except under {@code CI=true}, where that fails.
 */
@Tag("native")
class LibyuvConverterTest {
  private static final PixelConverter LIBYUV = new LibyuvConverter();
  private static final PixelConverter PURE_JAVA =
      (width, height, from, data, to) ->
          VideoFrame.of(width, height, from, data).convertTo(to).data();
  private static final int[][] SIZES = {
    {1, 1}, {2, 2}, {3, 1}, {1, 5}, {5, 3}, {7, 9}, {33, 17}, {64, 48}, {641, 481}, {640, 480}
  };

  @BeforeAll
  static void libyuvLoadsOrThisIsNotCi() {
    try {
      LIBYUV.convert(1, 1, PixelFormat.I420, new byte[3], PixelFormat.BGR24);
    } catch (StreamException e) {
      if ("true".equals(System.getenv("CI"))) {
        fail("libyuv must load under CI=true (install libpulse0): " + e.getMessage(), e);
      }
      assumeTrue(false, "libwebrtc does not load here, so only the pure-Java side ran: " + e);
    }
  }

  @Test
  void everyConversionGivesLibyuvsBytesForRandomFramesOfOddAndEvenSizes() {
    Random random = new Random(601);
    for (int[] size : SIZES) {
      for (PixelFormat from : PixelFormat.values()) {
        byte[] data = new byte[from.frameSize(size[0], size[1])];
        random.nextBytes(data);
        assertSameBytes(size[0], size[1], from, data);
      }
    }
  }

  @Test
  void extremePixelsGiveLibyuvsBytes() {
    byte[][] patterns = {{0}, {(byte) 255}, {0, (byte) 255}};
    for (byte[] values : patterns) {
      for (PixelFormat from : PixelFormat.values()) {
        byte[] data = new byte[from.frameSize(9, 7)];
        for (int i = 0; i < data.length; i++) {
          data[i] = values[(i / 5) % values.length];
        }
        assertSameBytes(9, 7, from, data);
      }
    }
  }

  @Test
  void everyLumaAndChromaCombinationDecodesToLibyuvsBytes() {
    int blocks = 256 * 256; // one 2x2 block per (U, V) pair, four luma values in each
    int width = 512;
    int height = 2 * (blocks / (width / 2));
    byte[] i420 = new byte[PixelFormat.I420.frameSize(width, height)];
    for (int i = 0; i < width * height; i++) {
      i420[i] = (byte) (i * 37 + i / width);
    }
    int uStart = width * height;
    for (int block = 0; block < blocks; block++) {
      i420[uStart + block] = (byte) block;
      i420[uStart + blocks + block] = (byte) (block >> 8);
    }
    assertSameBytes(width, height, PixelFormat.I420, i420);
  }

  @Test
  void everyColourEncodesToLibyuvsLuma() {
    int width = 4096;
    byte[] bgr = new byte[width * width * 3];
    for (int p = 0; p < width * width; p++) {
      bgr[p * 3] = (byte) p;
      bgr[p * 3 + 1] = (byte) (p >> 8);
      bgr[p * 3 + 2] = (byte) (p >> 16);
    }
    assertThat(PURE_JAVA.convert(width, width, PixelFormat.BGR24, bgr, PixelFormat.I420))
        .isEqualTo(LIBYUV.convert(width, width, PixelFormat.BGR24, bgr, PixelFormat.I420));
  }

  private static void assertSameBytes(int width, int height, PixelFormat from, byte[] data) {
    List<String> differences = new ArrayList<>();
    for (PixelFormat to : PixelFormat.values()) {
      if (to == from) {
        continue;
      }
      byte[] expected = LIBYUV.convert(width, height, from, data, to);
      byte[] actual = PURE_JAVA.convert(width, height, from, data, to);
      for (int i = 0; i < expected.length && differences.size() < 5; i++) {
        if (expected[i] != actual[i]) {
          differences.add(
              String.format(
                  "%s->%s %dx%d byte %d: libyuv %d, Java %d",
                  from, to, width, height, i, expected[i] & 255, actual[i] & 255));
        }
      }
      assertThat(actual).as("%s->%s %dx%d", from, to, width, height).hasSize(expected.length);
    }
    assertThat(differences).isEmpty();
  }
}
