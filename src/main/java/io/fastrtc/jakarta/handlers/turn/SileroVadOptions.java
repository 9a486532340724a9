package io.fastrtc.jakarta.handlers.turn;

/**
 * FastRTC's {@code SileroVadOptions}, with its names and defaults: how {@link ChunkPauseDetector}
 * turns the windows of one chunk into seconds of speech (Silero's {@code get_speech_timestamps}).
 * The window size is the model's ({@link VoiceActivityModel#windowSamples()}: 512 for Silero v5);
 * {@code windowSizeSamples} is kept for FastRTC's signature and not used.
 *
 * @param threshold probability at or above which a window is speech (0.5); below {@code threshold -
 *     0.15} it is silence
 * @param minSpeechDurationMs shorter speech segments are dropped (250)
 * @param maxSpeechDurationS longest segment (infinite)
 * @param minSilenceDurationMs silence that splits segments (2000)
 * @param windowSizeSamples FastRTC's window size (1024; not used)
 * @param speechPadMs padding added on each side of a segment (400)
 */
public record SileroVadOptions(
    float threshold,
    int minSpeechDurationMs,
    double maxSpeechDurationS,
    int minSilenceDurationMs,
    int windowSizeSamples,
    int speechPadMs) {

  /** FastRTC's defaults: 0.5, 250, infinity, 2000, 1024, 400. */
  public static final SileroVadOptions DEFAULTS =
      new SileroVadOptions(0.5f, 250, Double.POSITIVE_INFINITY, 2000, 1024, 400);
}
