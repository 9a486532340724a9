package io.fastrtc.jakarta.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.fastrtc.jakarta.api.AudioFrame;
import io.fastrtc.jakarta.testkit.FakeStreamContext;
import io.fastrtc.jakarta.testkit.HandlerTester;
import io.fastrtc.jakarta.testkit.SentMessage;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The audio demo streams, each run by the test kit as the runtime runs it. */
class AudioDemoStreamsTest {

  private static AudioFrame constant(int value) {
    short[] samples = new short[960];
    Arrays.fill(samples, (short) value);
    return AudioFrame.mono(48_000, samples);
  }

  private static double peak(AudioFrame frame) {
    int peak = 0;
    for (short s : frame.samples()) {
      peak = Math.max(peak, Math.abs((int) s));
    }
    return peak / 32768.0;
  }

  @Test
  void echoPlaysEveryFrameBackInOrder() {
    try (HandlerTester echo = HandlerTester.start(new EchoStream())) {
      echo.send(constant(1));
      echo.send(constant(2));
      echo.assertAudio(constant(1));
      echo.assertAudio(constant(2));
      echo.assertNoAudio();
    }
  }

  @Test
  void toneFollowsItsGainInput() {
    FakeStreamContext context = new FakeStreamContext();
    try (HandlerTester tone = HandlerTester.start(new ToneStream(), context)) {
      assertThat(peak(tone.awaitAudio())).as("the default gain").isCloseTo(0.3, within());

      context.setInputs(new ToneInputs(880, 0.5));
      tone.advance(java.time.Duration.ofMillis(200));

      java.util.List<AudioFrame> played = tone.takeAudio();
      AudioFrame last = played.get(played.size() - 1);
      assertThat(last.sampleRate()).isEqualTo(24_000);
      assertThat(peak(last)).as("the new gain").isCloseTo(0.5, within());
    }
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(0.01);
  }

  @Test
  void levelMeterOutputsLevelAndPeakTenTimesASecondAndNoAudio() {
    try (HandlerTester meter = HandlerTester.start(new LevelMeterStream())) {
      for (int i = 0; i < LevelMeterStream.FRAMES_PER_OUTPUT; i++) {
        meter.send(constant(16_384));
      }
      assertThat(meter.awaitOutputs()).containsExactly(0.5, 0.5);
      meter.assertNoAudio();
      meter.assertNoOutputs();
    }
  }

  @Test
  void thresholdEchoesAndOutputsTheLoudShare() {
    FakeStreamContext context = new FakeStreamContext();
    try (HandlerTester threshold = HandlerTester.start(new ThresholdStream(), context)) {
      for (int i = 0; i < ThresholdStream.FRAMES_PER_OUTPUT; i++) {
        threshold.send(constant(i % 2 == 0 ? 16_384 : 100)); // half of the frames above 0.3
      }
      assertThat(threshold.awaitOutputs()).containsExactly(0.5);
      assertThat(threshold.awaitAudio()).isEqualTo(constant(16_384));
    }
  }

  @Test
  void bargeInGreetsThenStopsItsReplyWhenTheCallerTalksOverIt() {
    FakeStreamContext context = new FakeStreamContext();
    try (HandlerTester bargeIn = HandlerTester.start(new BargeInStream(), context)) {
      AudioFrame greeting = bargeIn.awaitAudio();
      assertThat(greeting.durationMillis()).isEqualTo(BargeInStream.REPLY_SECONDS * 1000);
      assertThat(context.bufferedAudioMillis()).isEqualTo(3000);
      assertThat(bargeIn.awaitMessage()).isEqualTo(new SentMessage("log", "response_starting"));

      for (int i = 0; i < 7; i++) {
        bargeIn.send(constant(8_000)); // 140 ms of speech over the reply
      }

      assertThat(bargeIn.awaitMessage()).isEqualTo(new SentMessage("log", "started_talking"));
      assertThat(bargeIn.awaitMessage()).isEqualTo(new SentMessage("log", "interrupted"));
      assertThat(context.flushes()).isEqualTo(1);
      assertThat(context.bufferedAudioMillis()).isZero();
      bargeIn.assertNoAudio();
    }
  }

  @Test
  void talkBackGreetsThenPlaysTheUtteranceBackSlowerAfterThePause() {
    FakeStreamContext context = new FakeStreamContext();
    try (HandlerTester talkBack = HandlerTester.start(new TalkBackStream(), context)) {
      assertThat(talkBack.awaitAudio().durationMillis()).isEqualTo(500); // the chime
      talkBack.advance(java.time.Duration.ofMillis(600));
      talkBack.takeAudio();
      for (int i = 0; i < 50; i++) {
        talkBack.send(constant(8_000)); // 1 s
      }
      for (int i = 0; i < 20; i++) {
        talkBack.send(constant(0));
      }
      double played =
          talkBack.takeAudio().stream()
              .peek(f -> assertThat(f.sampleRate()).isEqualTo(TalkBackStream.PLAYBACK_RATE))
              .mapToDouble(AudioFrame::durationMillis)
              .sum();
      // the first 500 ms of pieces (pulled ahead); the whole reply is 1.25 x (1 s + pause +
      // preroll)
      assertThat(played).isGreaterThanOrEqualTo(500);
      talkBack.advance(java.time.Duration.ofSeconds(3));
      played += talkBack.takeAudio().stream().mapToDouble(AudioFrame::durationMillis).sum();
      assertThat(played).isBetween(1.25 * 1300, 1.25 * 1670);
      assertThat(context.messages().stream().map(SentMessage::data))
          .containsSubsequence(
              "response_starting",
              "playback_ended",
              "started_talking",
              "pause_detected",
              "response_starting",
              "playback_ended");
    }
  }
}
