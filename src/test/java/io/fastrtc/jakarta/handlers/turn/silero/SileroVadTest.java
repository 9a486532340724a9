package io.fastrtc.jakarta.handlers.turn.silero;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fastrtc.jakarta.handlers.turn.VoiceActivity;
import io.fastrtc.jakarta.testing.SpeechSynth;
import io.fastrtc.jakarta.testing.SpeechTimeline;
import io.fastrtc.jakarta.testing.SpeechTimeline.Segment;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Silero VAD v5 on real speech (flite's {@code slt} voice, made at test time) with silences
 * between: the speech is found where it is, the silence where it is.
 */
class SileroVadTest {

  private static final int WINDOW = SileroVad.WINDOW_SAMPLES;
  private static final double WINDOW_MS = WINDOW * 1000.0 / SileroVad.SAMPLE_RATE;

  private static SileroVad model;
  private static SpeechTimeline timeline;
  private static short[] audio;

  @BeforeAll
  static void loadModelAndMakeSpeech() {
    SpeechSynth.requireTools();
    model = SileroVad.loadBundled();
    timeline =
        new SpeechTimeline(14, -60)
            .pause(1.0)
            .speech(SpeechSynth.say("Hello, I would like to book a table for two.", "slt"))
            .pause(1.5)
            .speech(SpeechSynth.say("Tomorrow evening at eight, please.", "rms"))
            .pause(0.8)
            .speech(SpeechSynth.say("Is that possible?", "slt"))
            .pause(2.0);
    audio = timeline.audio();
  }

  @AfterAll
  static void closeModel() {
    if (model != null) {
      model.close();
    }
  }

  @Test
  void findsEachPieceOfSpeechWithinTensOfMilliseconds() {
    float[] probabilities;
    try (VoiceActivity activity = model.open()) {
      probabilities = probabilities(activity, audio);
    }
    List<Segment> found = segments(probabilities);
    List<Segment> truth = timeline.segments();
    for (int i = 0; i < Math.max(found.size(), truth.size()); i++) {
      System.out.printf(
          "segment %d: speech %s, found %s%n",
          i, i < truth.size() ? ms(truth.get(i)) : "-", i < found.size() ? ms(found.get(i)) : "-");
    }

    assertThat(found).hasSameSizeAs(truth);
    for (int i = 0; i < truth.size(); i++) {
      // Window edges are 32 ms apart; the model's onset takes a window or two, its release a few.
      assertThat(found.get(i).startMs())
          .as("start of segment %d", i)
          .isBetween(
              truth.get(i).startMs() - 2 * WINDOW_MS, truth.get(i).startMs() + 2 * WINDOW_MS);
      assertThat(found.get(i).endMs())
          .as("end of segment %d", i)
          .isBetween(truth.get(i).endMs() - 2 * WINDOW_MS, truth.get(i).endMs() + 4 * WINDOW_MS);
    }
  }

  @Test
  void silenceScoresNearZeroAndSpeechNearOne() {
    float[] probabilities;
    try (VoiceActivity activity = model.open()) {
      probabilities = probabilities(activity, audio);
    }
    Segment first = timeline.segments().get(0);
    int leadingSilenceWindows = first.start() / WINDOW;
    for (int w = 0; w < leadingSilenceWindows; w++) {
      assertThat(probabilities[w]).as("window %d of the leading silence", w).isLessThan(0.1f);
    }
    int speechWindows = 0;
    int confident = 0;
    for (int w = first.start() / WINDOW + 2; w < first.end() / WINDOW - 2; w++) {
      speechWindows++;
      if (probabilities[w] > 0.5f) {
        confident++;
      }
    }
    assertThat(confident).as("speech windows above 0.5").isGreaterThan(speechWindows * 3 / 4);
  }

  @Test
  void eachStreamKeepsItsOwnStateAndResetStartsAfresh() {
    float[] alone;
    try (VoiceActivity activity = model.open()) {
      alone = probabilities(activity, audio);
    }
    float[] interleavedA = new float[alone.length];
    float[] interleavedB = new float[alone.length];
    try (VoiceActivity a = model.open();
        VoiceActivity b = model.open()) {
      for (int w = 0; w < alone.length; w++) {
        interleavedA[w] = a.speechProbability(window(audio, w));
        // b hears something else in between: reversed audio
        interleavedB[w] = b.speechProbability(window(audio, alone.length - 1 - w));
      }
      a.reset();
      assertThat(probabilities(a, audio)).containsExactly(alone);
    }
    assertThat(interleavedA).containsExactly(alone);
  }

  @Test
  void rejectsAWrongWindowAndUseAfterClose() {
    VoiceActivity activity = model.open();
    assertThatThrownBy(() -> activity.speechProbability(new float[480]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("512");
    activity.close();
    assertThatThrownBy(() -> activity.speechProbability(new float[WINDOW]))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void printsTheCostOfAWindow() {
    try (VoiceActivity activity = model.open()) {
      probabilities(activity, audio); // warm-up
      activity.reset();
      int windows = audio.length / WINDOW;
      long start = System.nanoTime();
      int rounds = 5;
      for (int r = 0; r < rounds; r++) {
        probabilities(activity, audio);
      }
      double perWindowMs = (System.nanoTime() - start) / 1e6 / (rounds * windows);
      System.out.printf(
          "Silero VAD v5: %.3f ms per %d-sample window (%.2f %% of one core in real time)%n",
          perWindowMs, WINDOW, 100 * perWindowMs / WINDOW_MS);
      assertThat(perWindowMs).isPositive();
    }
  }

  private static float[] probabilities(VoiceActivity activity, short[] samples) {
    float[] out = new float[samples.length / WINDOW];
    for (int w = 0; w < out.length; w++) {
      out[w] = activity.speechProbability(window(samples, w));
    }
    return out;
  }

  private static float[] window(short[] samples, int index) {
    return SpeechTimeline.toFloat(samples, index * WINDOW, WINDOW);
  }

  /**
   * Speech segments with Silero's usual hysteresis (on at 0.5, off below 0.35), joining segments
   * less than 300 ms apart (the pauses inside a sentence).
   */
  private static List<Segment> segments(float[] probabilities) {
    List<Segment> out = new ArrayList<>();
    int start = -1;
    int lastSpeech = -1;
    int joinWindows = (int) Math.ceil(300 / WINDOW_MS);
    for (int w = 0; w < probabilities.length; w++) {
      if (probabilities[w] >= 0.5f) {
        if (start < 0) {
          if (!out.isEmpty() && w - out.get(out.size() - 1).end() / WINDOW <= joinWindows) {
            start = out.remove(out.size() - 1).start() / WINDOW;
          } else {
            start = w;
          }
        }
        lastSpeech = w;
      } else if (start >= 0 && probabilities[w] < 0.35f) {
        out.add(new Segment(start * WINDOW, (lastSpeech + 1) * WINDOW));
        start = -1;
      }
    }
    if (start >= 0) {
      out.add(new Segment(start * WINDOW, (lastSpeech + 1) * WINDOW));
    }
    return out;
  }

  private static String ms(Segment segment) {
    return String.format("%.0f-%.0f ms", segment.startMs(), segment.endMs());
  }
}
