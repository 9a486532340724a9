package io.fastrtc.jakarta.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.fastrtc.jakarta.api.PixelFormat;
import io.fastrtc.jakarta.api.VideoFrame;
import io.fastrtc.jakarta.testkit.FakeStreamContext;
import io.fastrtc.jakarta.testkit.HandlerTester;
import org.junit.jupiter.api.Test;

/** The video demo streams, run by the test kit: no libwebrtc needed for their pixels. */
class VideoDemoStreamsTest {
  private static final int W = 4;
  private static final int H = 4;

  /** Top half white, bottom half black, as B, G, R. */
  private static VideoFrame whiteOverBlack() {
    byte[] bgr = new byte[W * H * 3];
    java.util.Arrays.fill(bgr, 0, bgr.length / 2, (byte) 255);
    return VideoFrame.bgr(W, H, bgr).convertTo(PixelFormat.I420);
  }

  private static int blue(VideoFrame frame, int x, int y) {
    return frame.toBgr()[(y * frame.width() + x) * 3] & 255;
  }

  @Test
  void flipSendsTheCameraUpsideDown() {
    try (HandlerTester flip = HandlerTester.start(new FlipStream())) {
      flip.send(whiteOverBlack());
      VideoFrame out = flip.awaitVideo();
      assertThat(out.format()).isEqualTo(PixelFormat.BGR24);
      assertThat(blue(out, 0, 0)).as("top row, black now").isLessThan(10);
      assertThat(blue(out, 0, H - 1)).as("bottom row, white now").isGreaterThan(245);
    }
  }

  @Test
  void grayscaleKeepsLumaAndNeutralisesChroma() {
    byte[] i420 = new byte[PixelFormat.I420.frameSize(W, H)];
    for (int i = 0; i < i420.length; i++) {
      i420[i] = (byte) (i * 7);
    }
    try (HandlerTester grayscale = HandlerTester.start(new GrayscaleStream())) {
      grayscale.send(VideoFrame.i420(W, H, i420));
      VideoFrame.Planes out = grayscale.awaitVideo().toI420();
      assertThat(out.y()).isEqualTo(java.util.Arrays.copyOf(i420, W * H));
      assertThat(out.u()).containsOnly((byte) 128);
      assertThat(out.v()).containsOnly((byte) 128);
    }
  }

  @Test
  void brightnessFlipsEveryFrameAndOutputsTheBrightShareEverySixth() {
    FakeStreamContext context = new FakeStreamContext().setInputs(new ThresholdInputs(0.5));
    try (HandlerTester brightness = HandlerTester.start(new BrightnessStream(), context)) {
      for (int i = 0; i < 6; i++) {
        brightness.send(whiteOverBlack());
      }
      for (int i = 0; i < 6; i++) {
        assertThat(blue(brightness.awaitVideo(), 0, 0)).isLessThan(10);
      }
      assertThat(brightness.awaitOutputs()).containsExactly(0.5);
      brightness.assertNoOutputs();
    }
  }

  @Test
  void mirrorReturnsTheNewestFrameMirroredAtItsFrameRate() {
    byte[] i420 = new byte[PixelFormat.I420.frameSize(2, 2)];
    i420[0] = 10; // top left luma
    i420[1] = 20;
    try (HandlerTester mirror = HandlerTester.start(new MirrorStream())) {
      mirror.send(VideoFrame.i420(2, 2, i420));
      mirror.advance(java.time.Duration.ofMillis(100));
      VideoFrame.Planes out = mirror.awaitVideo().toI420();
      assertThat(out.y()[0]).isEqualTo((byte) 20);
      assertThat(out.y()[1]).isEqualTo((byte) 10);
      mirror.assertNoVideo();
    }
  }
}
