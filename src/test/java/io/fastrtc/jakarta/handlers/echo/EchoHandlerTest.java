package io.fastrtc.jakarta.handlers.echo;

import static org.assertj.core.api.Assertions.assertThat;

import io.fastrtc.jakarta.api.AudioFrame;
import io.fastrtc.jakarta.testkit.FakeStreamContext;
import io.fastrtc.jakarta.testkit.HandlerTester;
import org.junit.jupiter.api.Test;

class EchoHandlerTest {
  private final FakeStreamContext context = new FakeStreamContext();
  private final EchoHandler echo = new EchoHandler();

  @Test
  void echoesFramesInOrder() {
    AudioFrame a = AudioFrame.mono(48_000, new short[] {1});
    AudioFrame b = AudioFrame.mono(48_000, new short[] {2});
    try (HandlerTester tester = HandlerTester.start(echo, context)) {
      tester.send(a);
      tester.send(b);
      tester.assertAudio(a);
      tester.assertAudio(b);
      tester.assertNoAudio();
    }
  }

  @Test
  void dropsInputWhileTooMuchEchoIsWaitingSoLatencyStaysBounded() {
    try (HandlerTester tester = HandlerTester.start(echo, context)) {
      context.setBufferedAudioMillis(EchoHandler.MAX_LAG_MILLIS + 1);
      tester.send(AudioFrame.mono(48_000, new short[960]));
      tester.assertNoAudio();
      assertThat(echo.droppedFrames()).isEqualTo(1);

      context.setBufferedAudioMillis(20);
      tester.send(AudioFrame.mono(48_000, new short[960]));
      assertThat(tester.awaitAudio().sampleCount()).isEqualTo(960);
    }
  }
}
