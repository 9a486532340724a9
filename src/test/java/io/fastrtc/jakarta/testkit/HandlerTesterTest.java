package io.fastrtc.jakarta.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fastrtc.jakarta.api.AudioEmission;
import io.fastrtc.jakarta.api.AudioFrame;
import io.fastrtc.jakarta.api.AudioGenerator;
import io.fastrtc.jakarta.api.Emission;
import io.fastrtc.jakarta.api.StreamContext;
import io.fastrtc.jakarta.api.StreamHandler;
import io.fastrtc.jakarta.api.VideoFrame;
import io.fastrtc.jakarta.api.VideoGenerator;
import io.fastrtc.jakarta.api.VideoHandler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class HandlerTesterTest {
  private static final AudioFrame TWENTY_MS = AudioFrame.mono(48_000, new short[960]);

  /** Echoes, records its calls, and closes on a frame of one sample. */
  static class Probe implements StreamHandler {
    final List<String> calls = new ArrayList<>();
    AudioFrame pending;

    @Override
    public void startUp(StreamContext context) {
      calls.add("startUp " + context.connectionId());
    }

    @Override
    public void receive(AudioFrame frame) {
      calls.add("receive");
      pending = frame;
    }

    @Override
    public AudioEmission emit() {
      calls.add("emit");
      AudioFrame next = pending;
      pending = null;
      if (next == null) {
        return Emission.none();
      }
      return next.sampleCount() == 1 ? Emission.close("bye") : Emission.audio(next);
    }

    @Override
    public void shutdown() {
      calls.add("shutdown");
    }
  }

  @Test
  void callsTheHandlerInTheRuntimesOrderAndRecordsItsAudio() {
    Probe probe = new Probe();
    try (HandlerTester tester = HandlerTester.start(probe)) {
      tester.send(TWENTY_MS);
      tester.assertAudio(TWENTY_MS);
      tester.assertNoAudio();
    }
    assertThat(probe.calls)
        .containsExactly("startUp test", "emit", "receive", "emit", "emit", "shutdown");
  }

  @Test
  void aCloseIsRecordedAndEndsTheCalls() {
    Probe probe = new Probe();
    try (HandlerTester tester = HandlerTester.start(probe)) {
      tester.send(AudioFrame.mono(48_000, new short[1]));
      assertThat(tester.awaitClosed()).isEqualTo("bye");
      tester.send(TWENTY_MS);
      assertThat(tester.context().isOpen()).isFalse();
    }
    assertThat(probe.calls).containsExactly("startUp test", "emit", "receive", "emit", "shutdown");
  }

  @Test
  void aHandlersExceptionFailsTheCallNamingIt() {
    StreamHandler failing =
        new Probe() {
          @Override
          public void receive(AudioFrame frame) {
            throw new IllegalStateException("boom");
          }
        };
    try (HandlerTester tester = HandlerTester.start(failing)) {
      assertThatThrownBy(() -> tester.send(TWENTY_MS))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining(".receive threw java.lang.IllegalStateException: boom");
    }
  }

  @Test
  void aHungHandlerFailsAfterTheTimeout() {
    VideoHandler hung =
        frame -> {
          Thread.sleep(10_000);
          return frame;
        };
    try (HandlerTester tester = HandlerTester.start(hung).timeout(Duration.ofMillis(100))) {
      assertThatThrownBy(() -> tester.send(VideoFrame.rgb(1, 1, new byte[3])))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("did not return within PT0.1S");
    }
  }

  @Test
  void theClockPlaysAudioAndTopsTheBufferUpInRealTime() {
    AtomicInteger chunks = new AtomicInteger();
    AudioGenerator generator =
        () -> {
          chunks.incrementAndGet();
          return Emission.audio(TWENTY_MS);
        };
    try (HandlerTester tester = HandlerTester.start(generator)) {
      assertThat(chunks.get()).as("the start-up top-up: 120 ms").isEqualTo(6);
      assertThat(tester.context().bufferedAudioMillis()).isEqualTo(120);

      tester.advance(Duration.ofSeconds(1));

      assertThat(chunks.get())
          .as("a second played, and the buffer (40 to 120 ms)")
          .isBetween(52, 56);
      assertThat(tester.awaitAudio()).isEqualTo(TWENTY_MS);
    }
  }

  @Test
  void videoResultsAreSplitIntoFramesAndOutputs() {
    VideoHandler labelled = frame -> Emission.video(frame, "label", 2);
    VideoFrame frame = VideoFrame.rgb(1, 1, new byte[] {1, 2, 3});
    try (HandlerTester tester = HandlerTester.start(labelled)) {
      tester.send(frame);
      assertThat(tester.awaitVideo()).isEqualTo(frame);
      assertThat(tester.awaitOutputs()).containsExactly("label", 2);
      tester.assertNoVideo();
      tester.assertNoOutputs();
    }
  }

  @Test
  void aVideoGeneratorRunsAtThirtyFramesASecondByDefault() {
    AtomicInteger frames = new AtomicInteger();
    VideoGenerator counter =
        () -> VideoFrame.rgb(1, 1, new byte[] {(byte) frames.incrementAndGet(), 0, 0});
    try (HandlerTester tester = HandlerTester.start(counter)) {
      tester.advance(Duration.ofSeconds(1));
      assertThat(frames.get()).isBetween(30, 31);
      assertThat(tester.awaitVideo().data()[0]).isEqualTo((byte) 1);
    }
  }

  @Test
  void awaitMessageWaitsForAMessageSentFromAnotherThread() {
    StreamHandler later =
        new Probe() {
          @Override
          public void startUp(StreamContext context) {
            new Thread(
                    () -> {
                      sleep(50);
                      context.send("log", "ready");
                    })
                .start();
          }
        };
    try (HandlerTester tester = HandlerTester.start(later)) {
      assertThat(tester.awaitMessage()).isEqualTo(new SentMessage("log", "ready"));
    }
  }

  @Test
  void refusesFramesTheHandlerCannotTake() {
    try (HandlerTester tester = HandlerTester.start(new Probe())) {
      assertThatThrownBy(() -> tester.send(VideoFrame.rgb(1, 1, new byte[3])))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("does not receive video");
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
