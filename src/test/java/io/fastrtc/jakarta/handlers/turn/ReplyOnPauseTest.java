package io.fastrtc.jakarta.handlers.turn;

import static org.assertj.core.api.Assertions.assertThat;

import io.fastrtc.jakarta.api.AudioEmission;
import io.fastrtc.jakarta.api.AudioFrame;
import io.fastrtc.jakarta.api.Emission;
import io.fastrtc.jakarta.testkit.FakeStreamContext;
import io.fastrtc.jakarta.testkit.HandlerTester;
import io.fastrtc.jakarta.testkit.SentMessage;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * ReplyOnPause through the test kit, with the energy model and synthetic "speech" (a loud tone).
 */
class ReplyOnPauseTest {
  private static final int RATE = 48_000;

  private static AudioFrame speech() {
    short[] s = new short[960];
    for (int i = 0; i < s.length; i++) {
      s[i] = (short) (8000 * Math.sin(2 * Math.PI * 220 * i / RATE));
    }
    return AudioFrame.mono(RATE, s);
  }

  private static AudioFrame silence() {
    return AudioFrame.mono(RATE, new short[960]);
  }

  private static AudioFrame tone(double seconds) {
    return AudioFrame.mono(24_000, new short[(int) (24_000 * seconds)]);
  }

  private static void send(HandlerTester t, AudioFrame frame, int frames) {
    for (int i = 0; i < frames; i++) {
      t.send(frame);
    }
  }

  private static List<Object> logs(FakeStreamContext context) {
    return context.messages().stream()
        .filter(m -> m.type().equals("log"))
        .map(SentMessage::data)
        .toList();
  }

  @Test
  void repliesWithTheUtteranceAfterThePauseAndSaysSoInFastRtcsWords() {
    FakeStreamContext context = new FakeStreamContext();
    ReplyOnPause parrot =
        new ReplyOnPause(u -> Replies.of(Emission.audio(u.audio())), ReplyOptions.DEFAULTS);
    try (HandlerTester t = HandlerTester.start(parrot, context)) {
      send(t, speech(), 25); // 500 ms
      int silentFrames = 0;
      while (t.takeAudio().isEmpty() && silentFrames < 100) {
        t.send(silence());
        silentFrames++;
      }
      // TurnDetector's 300 ms pause is 15 frames of 20 ms; the reply comes with the 15th
      assertThat(silentFrames * 20).isBetween(300, 330);
      assertThat(logs(context))
          .containsExactly("started_talking", "pause_detected", "response_starting");
    }
  }

  @Test
  void theUtteranceHoldsTheSpeechFromJustBeforeItsOnsetAtTheChosenRate() {
    AtomicInteger samples = new AtomicInteger();
    ReplyOptions options = ReplyOptions.builder().utteranceSampleRate(16_000).build();
    ReplyOnPause counting =
        new ReplyOnPause(
            u -> {
              assertThat(u.audio().sampleRate()).isEqualTo(16_000);
              assertThat(u.reason()).isEqualTo(Utterance.Reason.PAUSE);
              samples.set(u.audio().sampleCount());
              return Replies.none();
            },
            options);
    try (HandlerTester t = HandlerTester.start(counting)) {
      send(t, silence(), 25);
      send(t, speech(), 50); // 1 s
      send(t, silence(), 20);
      // 1 s of speech, the pause, and the preroll: at least 1.3 s, at most 1.3 + 0.32 + 0.02
      assertThat(samples.get() / 16.0).isBetween(1300.0, 1650.0);
    }
  }

  @Test
  void speakingOverTheReplyFlushesItsAudioAndCancelsIt() {
    FakeStreamContext context = new FakeStreamContext();
    AtomicInteger made = new AtomicInteger();
    AtomicBoolean closed = new AtomicBoolean();
    ReplyOnPause talker =
        new ReplyOnPause(u -> Replies.from(longReply(made, closed)), ReplyOptions.DEFAULTS);
    try (HandlerTester t = HandlerTester.start(talker, context)) {
      send(t, speech(), 20);
      send(t, silence(), 15);
      assertThat(context.bufferedAudioMillis()).as("a reply is queued").isPositive();
      int madeBefore = made.get();
      assertThat(madeBefore).isLessThan(100); // made on demand, not all at once

      send(t, speech(), 7); // 140 ms: past the 120 ms onset

      assertThat(context.flushes()).isEqualTo(1);
      assertThat(context.bufferedAudioMillis()).isZero();
      assertThat(closed).as("the reply's iterator was closed").isTrue();
      assertThat(logs(context)).endsWith("started_talking", "interrupted");
      send(t, speech(), 10);
      assertThat(made.get()).as("nothing made after the barge-in").isEqualTo(madeBefore);
    }
  }

  @Test
  void withoutCanInterruptSpeechDuringTheReplyAndItsPlaybackIsNotHeard() {
    FakeStreamContext context = new FakeStreamContext();
    ReplyOptions options = ReplyOptions.builder().canInterrupt(false).build();
    ReplyOnPause polite = new ReplyOnPause(u -> Replies.of(Emission.audio(tone(1))), options);
    try (HandlerTester t = HandlerTester.start(polite, context)) {
      send(t, speech(), 20);
      send(t, silence(), 15);
      assertThat(polite.isResponding()).isTrue();

      send(t, speech(), 30); // talking over the reply (it is all queued: nothing plays in between)
      send(t, silence(), 15);
      assertThat(context.flushes()).isZero();
      assertThat(logs(context)).containsOnlyOnce("started_talking", "pause_detected");

      t.advance(Duration.ofMillis(1100)); // the reply plays out
      assertThat(polite.isResponding()).isFalse();
      send(t, silence(), 20);
      assertThat(logs(context))
          .as("no new turn over the tail")
          .containsOnlyOnce("started_talking", "pause_detected");
      assertThat(logs(context)).contains("playback_ended");

      send(t, speech(), 10); // after playback the user is heard again
      assertThat(logs(context)).last().isEqualTo("started_talking");
    }
  }

  @Test
  void theGreetingPlaysAtOnceWithoutAPause() {
    FakeStreamContext context = new FakeStreamContext();
    ReplyOptions options =
        ReplyOptions.builder().startup(u -> Replies.of(Emission.audio(tone(0.5)))).build();
    try (HandlerTester t =
        HandlerTester.start(new ReplyOnPause(u -> Replies.none(), options), context)) {
      assertThat(t.awaitAudio().durationMillis()).isEqualTo(500);
      assertThat(logs(context)).containsExactly("response_starting");
    }
  }

  @Test
  void triggerResponseRepliesWithoutAPause() {
    AtomicInteger replies = new AtomicInteger();
    ReplyOnPause handler =
        new ReplyOnPause(
            u -> {
              assertThat(u.reason()).isEqualTo(Utterance.Reason.TRIGGER);
              replies.incrementAndGet();
              return Replies.none();
            },
            ReplyOptions.DEFAULTS);
    try (HandlerTester t = HandlerTester.start(handler)) {
      handler.triggerResponse();
      t.send(silence());
      assertThat(replies).hasValue(1);
    }
  }

  @Test
  void aChangedTriggerInputRepliesAndInputsAreFetchedPerTurn() {
    FakeStreamContext context = new FakeStreamContext().setInputs(Map.of("text", ""));
    AtomicInteger replies = new AtomicInteger();
    ReplyOptions options =
        ReplyOptions.builder()
            .triggerInput("text")
            .needsInputs(true)
            .inputsTimeout(Duration.ofMillis(50))
            .build();
    ReplyOnPause handler =
        new ReplyOnPause(
            u -> {
              replies.incrementAndGet();
              return Replies.none();
            },
            options);
    try (HandlerTester t = HandlerTester.start(handler, context)) {
      t.send(silence());
      assertThat(replies).hasValue(0);
      context.setInputs(Map.of("text", "what time is it"));
      t.send(silence());
      assertThat(replies).hasValue(1);
      assertThat(context.messages()).contains(new SentMessage("send_input", List.of()));
    }
  }

  @Test
  void fastRtcsAlgoOptionsSwitchToItsChunkAlgorithm() {
    FakeStreamContext context = new FakeStreamContext();
    ReplyOptions options = ReplyOptions.builder().algoOptions(AlgoOptions.DEFAULTS).build();
    ReplyOnPause parrot = new ReplyOnPause(u -> Replies.of(Emission.audio(u.audio())), options);
    try (HandlerTester t = HandlerTester.start(parrot, context)) {
      send(t, speech(), 40);
      int silentFrames = 0;
      while (t.takeAudio().isEmpty() && silentFrames < 200) {
        t.send(silence());
        silentFrames++;
      }
      assertThat(silentFrames * 20).as("0.6 to 1.2 s").isBetween(600, 1240);
    }
  }

  /** 100 chunks of 100 ms, made one by one; closing it is recorded. */
  private static Iterator<AudioEmission> longReply(AtomicInteger made, AtomicBoolean closed) {
    return new CloseableIterator(made, closed);
  }

  private static final class CloseableIterator implements Iterator<AudioEmission>, AutoCloseable {
    private final AtomicInteger made;
    private final AtomicBoolean closed;

    CloseableIterator(AtomicInteger made, AtomicBoolean closed) {
      this.made = made;
      this.closed = closed;
    }

    @Override
    public boolean hasNext() {
      return made.get() < 100;
    }

    @Override
    public AudioEmission next() {
      made.incrementAndGet();
      return Emission.audio(tone(0.1));
    }

    @Override
    public void close() {
      closed.set(true);
    }
  }
}
