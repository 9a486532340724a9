package io.fastrtc.jakarta.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * VideoFrame's conversions as handlers reach them, in plain Java without libwebrtc: byte orders,
 * plane layout, BT.601 values and odd sizes. {@code runtime/webrtc/LibyuvConverterTest} holds them
 * to libyuv's bytes.
 */
class VideoFrameConversionTest {
  private static final int W = 8;
  private static final int H = 6;

  /** Top half pure red, bottom half pure blue, as packed R, G, B. */
  private static byte[] redOverBlueRgb(int w, int h) {
    byte[] rgb = new byte[w * h * 3];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int i = (y * w + x) * 3;
        rgb[i + (y < h / 2 ? 0 : 2)] = (byte) 255;
      }
    }
    return rgb;
  }

  private static int[] pixel(byte[] packed, int w, int x, int y) {
    int i = (y * w + x) * 3;
    return new int[] {packed[i] & 255, packed[i + 1] & 255, packed[i + 2] & 255};
  }

  @Test
  void rgbAndBgrHaveTheDocumentedByteOrder() {
    VideoFrame frame = VideoFrame.rgb(W, H, redOverBlueRgb(W, H));

    byte[] bgr = frame.toBgr();
    byte[] rgbAgain = frame.convertTo(PixelFormat.I420).toRgb();

    assertThat(pixel(bgr, W, 0, 0)).containsExactly(0, 0, 255); // red as B, G, R
    assertThat(pixel(bgr, W, 0, H - 1)).containsExactly(255, 0, 0); // blue as B, G, R
    int[] red = pixel(rgbAgain, W, 3, 1);
    int[] blue = pixel(rgbAgain, W, 3, H - 2);
    assertThat(red[0]).as("R of red after I420").isGreaterThan(240);
    assertThat(red[2]).as("B of red after I420").isLessThan(15);
    assertThat(blue[2]).as("B of blue after I420").isGreaterThan(240);
    assertThat(blue[0]).as("R of blue after I420").isLessThan(15);
  }

  @Test
  void i420UsesBt601LimitedRangeLikeLibwebrtc() {
    VideoFrame.Planes planes = VideoFrame.rgb(W, H, redOverBlueRgb(W, H)).toI420();

    assertThat(planes.y()[0] & 255).as("Y of red").isCloseTo(82, within(2));
    assertThat(planes.v()[0] & 255).as("V (Cr) of red").isCloseTo(240, within(2));
    assertThat(planes.y()[W * (H - 1)] & 255).as("Y of blue").isCloseTo(41, within(2));
    assertThat(planes.u()[planes.u().length - 1] & 255)
        .as("U (Cb) of blue")
        .isCloseTo(240, within(2));
  }

  @Test
  void oddSizesRoundTripThroughEveryFormat() {
    byte[] i420 = new byte[PixelFormat.I420.frameSize(5, 3)];
    java.util.Arrays.fill(i420, 0, 15, (byte) 120);
    java.util.Arrays.fill(i420, 15, i420.length, (byte) 128);
    VideoFrame gray = VideoFrame.i420(5, 3, i420);

    VideoFrame back = VideoFrame.bgr(5, 3, gray.toBgr()).convertTo(PixelFormat.I420);

    assertThat(back.width()).isEqualTo(5);
    assertThat(back.data()).hasSize(i420.length);
    for (int i = 0; i < i420.length; i++) {
      assertThat(back.data()[i] & 255).as("byte %d", i).isCloseTo(i420[i] & 255, within(2));
    }
  }

  @Test
  void rgbAndBgrSwapWithoutLibyuv() {
    byte[] bgr = {1, 2, 3, 4, 5, 6};
    assertThat(VideoFrame.bgr(2, 1, bgr).toRgb()).containsExactly(3, 2, 1, 6, 5, 4);
    assertThat(bgr).containsExactly(1, 2, 3, 4, 5, 6);
  }
}
