package io.fastrtc.jakarta.handlers.turn;

/**
 * The options of {@link TurnDetector}, the default turn-taking: decisions on every voice-activity
 * window (32 ms with Silero, 20 ms with the energy model) instead of FastRTC's 0.6 s chunks. The
 * table in {@code docs/voice-agents.md} sets them beside FastRTC's {@link AlgoOptions} and {@link
 * SileroVadOptions}.
 *
 * @param speechThreshold probability at or above which a window is speech (Silero's {@code
 *     threshold}, 0.5)
 * @param silenceThreshold probability below which a window is silence; between the two a window
 *     changes nothing (Silero's {@code threshold - 0.15}, 0.35)
 * @param startSpeechMillis speech needed, without a silent window, before the user counts as
 *     talking: {@code started_talking}, and the barge-in while a reply plays (120 ms). Shorter
 *     noises are ignored.
 * @param pauseMillis silence after speech that ends the turn: the reply starts this long after the
 *     user stops, plus the model's lag (300 ms: longer than the pauses flite leaves at a comma,
 *     about 260 ms)
 * @param maxContinuousSpeechSeconds a turn ends after this much talking even without a pause
 *     (FastRTC's {@code max_continuous_speech_s}; infinite by default)
 */
public record TurnOptions(
    float speechThreshold,
    float silenceThreshold,
    double startSpeechMillis,
    double pauseMillis,
    double maxContinuousSpeechSeconds) {

  /** The defaults: 0.5, 0.35, 120 ms, 300 ms, no limit. */
  public static final TurnOptions DEFAULTS =
      new TurnOptions(0.5f, 0.35f, 120, 300, Double.POSITIVE_INFINITY);

  /** Checks the options. */
  public TurnOptions {
    if (!(speechThreshold > 0 && speechThreshold <= 1)) {
      throw new IllegalArgumentException("speechThreshold must be in (0, 1]: " + speechThreshold);
    }
    if (!(silenceThreshold >= 0 && silenceThreshold <= speechThreshold)) {
      throw new IllegalArgumentException(
          "silenceThreshold must be in [0, speechThreshold]: " + silenceThreshold);
    }
    if (!(startSpeechMillis >= 0) || !(pauseMillis > 0) || !(maxContinuousSpeechSeconds > 0)) {
      throw new IllegalArgumentException(
          "durations must be positive: startSpeechMillis="
              + startSpeechMillis
              + ", pauseMillis="
              + pauseMillis
              + ", maxContinuousSpeechSeconds="
              + maxContinuousSpeechSeconds);
    }
  }

  /** These options with another end-of-turn silence. */
  public TurnOptions withPauseMillis(double millis) {
    return new TurnOptions(
        speechThreshold, silenceThreshold, startSpeechMillis, millis, maxContinuousSpeechSeconds);
  }

  /** These options with another minimum speech before {@code started_talking} (and barge-in). */
  public TurnOptions withStartSpeechMillis(double millis) {
    return new TurnOptions(
        speechThreshold, silenceThreshold, millis, pauseMillis, maxContinuousSpeechSeconds);
  }

  /** These options with a limit on one turn's talking. */
  public TurnOptions withMaxContinuousSpeechSeconds(double seconds) {
    return new TurnOptions(
        speechThreshold, silenceThreshold, startSpeechMillis, pauseMillis, seconds);
  }

  /** These options with other speech and silence thresholds. */
  public TurnOptions withThresholds(float speech, float silence) {
    return new TurnOptions(
        speech, silence, startSpeechMillis, pauseMillis, maxContinuousSpeechSeconds);
  }
}
