package io.fastrtc.jakarta.handlers.turn;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * FastRTC's turn-taking, for compatibility and comparison: windows are collected into chunks of
 * {@link AlgoOptions#audioChunkDuration()} (0.6 s); each chunk's seconds of speech are summed the
 * way Silero's {@code get_speech_timestamps} does with {@link SileroVadOptions} (segments, minimum
 * speech, padding); more than {@link AlgoOptions#startedTalkingThreshold()} starts the turn, and
 * once talking a chunk with less than {@link AlgoOptions#speechThreshold()} ends it. The turn
 * therefore ends 0.6 to 1.2 s after the user stops. Pure: no audio, no clock.
 */
public final class ChunkPauseDetector implements PauseDetector {
  private final AlgoOptions algo;
  private final SileroVadOptions vad;
  private final List<Float> chunk = new ArrayList<>();
  private double chunkMillis;
  private double windowMillis;
  private boolean talking;
  private double utteranceSeconds;

  /** FastRTC's defaults. */
  public ChunkPauseDetector() {
    this(AlgoOptions.DEFAULTS, SileroVadOptions.DEFAULTS);
  }

  /**
   * @param algo the chunk algorithm's options
   * @param vad how a chunk's speech is measured
   */
  public ChunkPauseDetector(AlgoOptions algo, SileroVadOptions vad) {
    this.algo = Objects.requireNonNull(algo, "algo == null");
    this.vad = Objects.requireNonNull(vad, "vad == null");
  }

  @Override
  public TurnSignal onWindow(VadWindow window) {
    return onProbability(window.speechProbability(), window.millis());
  }

  /**
   * Takes the next window as its speech probability and duration alone.
   *
   * @param probability the model's speech probability
   * @param millis the window's duration
   * @return what changed; decisions fall only on chunk boundaries
   */
  public TurnSignal onProbability(float probability, double millis) {
    chunk.add(probability);
    chunkMillis += millis;
    windowMillis = millis;
    if (chunkMillis < algo.audioChunkDuration() * 1000 - 1e-6) {
      return TurnSignal.NONE;
    }
    double speech = speechSeconds(chunk, windowMillis, vad);
    double seconds = chunkMillis / 1000;
    chunk.clear();
    chunkMillis = 0;
    TurnSignal signal = TurnSignal.NONE;
    if (speech > algo.startedTalkingThreshold() && !talking) {
      talking = true;
      signal = TurnSignal.STARTED_TALKING;
    }
    if (talking) {
      utteranceSeconds += seconds;
      if (utteranceSeconds >= algo.maxContinuousSpeechS() || speech < algo.speechThreshold()) {
        reset();
        return TurnSignal.PAUSE;
      }
    }
    return signal;
  }

  /**
   * Seconds of speech in one chunk, as Silero's {@code get_speech_timestamps} (the version FastRTC
   * ships) computes them from the windows' probabilities: segments start at a speech window, end
   * after {@code minSilenceDurationMs} below {@code threshold - 0.15}, are dropped when shorter
   * than {@code minSpeechDurationMs}, and are padded by {@code speechPadMs} within the chunk.
   */
  static double speechSeconds(List<Float> probabilities, double windowMillis, SileroVadOptions o) {
    double total = probabilities.size() * windowMillis;
    float negative = o.threshold() - 0.15f;
    List<double[]> segments = new ArrayList<>();
    boolean triggered = false;
    double start = 0;
    double tempEnd = 0;
    for (int i = 0; i < probabilities.size(); i++) {
      float p = probabilities.get(i);
      double at = i * windowMillis;
      if (p >= o.threshold() && tempEnd != 0) {
        tempEnd = 0;
      }
      if (p >= o.threshold() && !triggered) {
        triggered = true;
        start = at;
        continue;
      }
      if (p < negative && triggered) {
        if (tempEnd == 0) {
          tempEnd = at;
        }
        if (at - tempEnd < o.minSilenceDurationMs()) {
          continue;
        }
        if (tempEnd - start > o.minSpeechDurationMs()) {
          segments.add(new double[] {start, tempEnd});
        }
        triggered = false;
        tempEnd = 0;
      }
    }
    if (triggered && total - start > o.minSpeechDurationMs()) {
      segments.add(new double[] {start, total});
    }
    double sum = 0;
    double previousEnd = 0;
    for (double[] s : segments) {
      double padded0 = Math.max(previousEnd, s[0] - o.speechPadMs());
      double padded1 = Math.min(total, s[1] + o.speechPadMs());
      sum += Math.max(0, padded1 - padded0);
      previousEnd = padded1;
    }
    return sum / 1000;
  }

  /** A chunk, plus 200 ms. */
  @Override
  public double prerollMillis() {
    return algo.audioChunkDuration() * 1000 + 200;
  }

  @Override
  public void reset() {
    chunk.clear();
    chunkMillis = 0;
    talking = false;
    utteranceSeconds = 0;
  }
}
