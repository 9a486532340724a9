package io.fastrtc.jakarta.handlers.turn;

/**
 * FastRTC's {@code AlgoOptions}, with its names and defaults, for {@link ChunkPauseDetector}: the
 * user's audio is judged in chunks of {@code audioChunkDuration} seconds.
 *
 * @param audioChunkDuration seconds of audio per decision (0.6)
 * @param startedTalkingThreshold seconds of speech in a chunk that start the turn (0.2)
 * @param speechThreshold once talking, a chunk with less speech than this (seconds) ends the turn
 *     (0.1)
 * @param maxContinuousSpeechS the turn ends once the utterance is this long (infinite)
 */
public record AlgoOptions(
    double audioChunkDuration,
    double startedTalkingThreshold,
    double speechThreshold,
    double maxContinuousSpeechS) {

  /** FastRTC's defaults: 0.6, 0.2, 0.1, infinity. */
  public static final AlgoOptions DEFAULTS =
      new AlgoOptions(0.6, 0.2, 0.1, Double.POSITIVE_INFINITY);

  /** Checks the options. */
  public AlgoOptions {
    if (!(audioChunkDuration > 0) || !(maxContinuousSpeechS > 0)) {
      throw new IllegalArgumentException(
          "audioChunkDuration and maxContinuousSpeechS must be positive");
    }
  }
}
