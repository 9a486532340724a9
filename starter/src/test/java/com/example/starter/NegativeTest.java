package com.example.starter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.fastrtc.jakarta.api.PixelFormat;
import io.fastrtc.jakarta.api.VideoFrame;
import io.fastrtc.jakarta.testkit.HandlerTester;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class NegativeTest {
  private static final int W = 4;
  private static final int H = 2;

  @Test
  void invertsTheBrightnessAndKeepsTheColour() {
    byte[] i420 = new byte[PixelFormat.I420.frameSize(W, H)];
    for (int i = 0; i < i420.length; i++) {
      i420[i] = (byte) (i * 20);
    }

    try (HandlerTester tester = HandlerTester.start(new Negative())) {
      tester.send(VideoFrame.i420(W, H, i420));
      VideoFrame.Planes out = tester.awaitVideo().toI420();

      byte[] expectedLuma = new byte[W * H];
      for (int i = 0; i < expectedLuma.length; i++) {
        expectedLuma[i] = (byte) (255 - (i420[i] & 0xff));
      }
      assertArrayEquals(expectedLuma, out.y());
      assertArrayEquals(Arrays.copyOfRange(i420, W * H, W * H + W * H / 4), out.u());
    }
  }
}
