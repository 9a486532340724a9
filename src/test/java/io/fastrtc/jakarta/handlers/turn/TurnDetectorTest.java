package io.fastrtc.jakarta.handlers.turn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The turn state machine on synthetic probabilities (32 ms windows, as Silero v5 gives them). */
class TurnDetectorTest {
  private static final double WINDOW_MS = 32;

  /** Feeds {@code count} windows of probability {@code p}; returns the index of each signal. */
  private static List<String> feed(TurnDetector d, float p, int count) {
    List<String> signals = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      TurnSignal s = d.onProbability(p, WINDOW_MS);
      if (s != TurnSignal.NONE) {
        signals.add(s + "@" + i);
      }
    }
    return signals;
  }

  @Test
  void speechStartsTheTurnAfterTheMinimumSpeechDuration() {
    TurnDetector d = new TurnDetector(); // 120 ms: the fourth 32 ms window
    assertThat(feed(d, 0.9f, 10)).containsExactly("STARTED_TALKING@3");
    assertThat(d.isTalking()).isTrue();
  }

  @Test
  void shortNoiseIsNotSpeech() {
    TurnDetector d = new TurnDetector();
    for (int i = 0; i < 20; i++) {
      assertThat(feed(d, 0.9f, 3)).isEmpty(); // 96 ms bursts
      assertThat(feed(d, 0.0f, 2)).isEmpty();
    }
    assertThat(d.isTalking()).isFalse();
  }

  @Test
  void theTurnEndsAfterTheConfiguredSilence() {
    TurnDetector d = new TurnDetector(TurnOptions.DEFAULTS.withPauseMillis(300));
    feed(d, 0.95f, 30);
    // 300 ms of silence is the tenth 32 ms window (9 x 32 = 288 < 300 <= 320)
    assertThat(feed(d, 0.02f, 20)).containsExactly("PAUSE@9");
    assertThat(d.isTalking()).isFalse();
  }

  @Test
  void shortGapsInsideAnUtteranceDoNotEndIt() {
    TurnDetector d = new TurnDetector();
    feed(d, 0.95f, 10);
    for (int i = 0; i < 10; i++) {
      assertThat(feed(d, 0.05f, 6)).isEmpty(); // 192 ms between words
      assertThat(feed(d, 0.95f, 3)).isEmpty();
    }
    assertThat(d.isTalking()).isTrue();
  }

  @Test
  void probabilitiesBetweenTheThresholdsHoldTheState() {
    TurnDetector d = new TurnDetector();
    feed(d, 0.9f, 2);
    assertThat(feed(d, 0.4f, 5)).isEmpty(); // neither speech nor silence
    assertThat(feed(d, 0.9f, 2)).containsExactly("STARTED_TALKING@1");
    assertThat(feed(d, 0.4f, 50)).as("hysteresis: 0.4 is not silence").isEmpty();
  }

  @Test
  void maxContinuousSpeechEndsTheTurnWithoutAPause() {
    TurnDetector d = new TurnDetector(TurnOptions.DEFAULTS.withMaxContinuousSpeechSeconds(1));
    // onset at window 3 (128 ms counted), 1 s reached at window 31 (32 x 32 = 1024 ms)
    assertThat(feed(d, 0.99f, 40))
        .containsExactly("STARTED_TALKING@3", "PAUSE@31", "STARTED_TALKING@35");
  }

  @Test
  void resetForgetsTheTurn() {
    TurnDetector d = new TurnDetector();
    feed(d, 0.9f, 10);
    d.reset();
    assertThat(d.isTalking()).isFalse();
    assertThat(feed(d, 0.0f, 50)).isEmpty();
  }

  @Test
  void optionsAreChecked() {
    assertThrows(
        IllegalArgumentException.class, () -> TurnOptions.DEFAULTS.withThresholds(0.3f, 0.5f));
    assertThrows(IllegalArgumentException.class, () -> TurnOptions.DEFAULTS.withPauseMillis(0));
    assertThrows(NullPointerException.class, () -> new TurnDetector(null));
  }

  @Test
  void fastRtcsChunkAlgorithmEndsTheTurnOnlyOnAChunkWithoutSpeech() {
    ChunkPauseDetector d = new ChunkPauseDetector();
    List<String> signals = new ArrayList<>();
    // 1.2 s of speech, then silence: 19 windows of 32 ms make a 0.6 s chunk (608 ms)
    for (int i = 0; i < 80; i++) {
      TurnSignal s = d.onProbability(i < 38 ? 0.95f : 0.01f, WINDOW_MS);
      if (s != TurnSignal.NONE) {
        signals.add(s + "@" + i);
      }
    }
    // speech ends after window 37; the chunk of windows 38..56 has none: its end is the pause,
    // 608 ms after the user stopped, while TurnDetector says it after 320 ms
    assertThat(signals).containsExactly("STARTED_TALKING@18", "PAUSE@56");
  }

  @Test
  void theChunkAlgorithmCountsSpeechAsSileroDoes() {
    List<Float> half = new ArrayList<>();
    for (int i = 0; i < 19; i++) {
      half.add(i >= 10 ? 0.9f : 0.0f);
    }
    // speech from 320 ms to the end (608 ms), padded by 400 ms at its start: 608 - 0 = 0.608 s
    assertThat(ChunkPauseDetector.speechSeconds(half, WINDOW_MS, SileroVadOptions.DEFAULTS))
        .isEqualTo(0.608, org.assertj.core.data.Offset.offset(1e-9));
    List<Float> blip = new ArrayList<>();
    for (int i = 0; i < 19; i++) {
      blip.add(i >= 16 ? 0.9f : 0.0f); // the last 96 ms: under min_speech_duration_ms
    }
    assertThat(ChunkPauseDetector.speechSeconds(blip, WINDOW_MS, SileroVadOptions.DEFAULTS))
        .isZero();
  }
}
