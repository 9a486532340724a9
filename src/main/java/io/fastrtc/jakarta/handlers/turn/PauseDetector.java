package io.fastrtc.jakarta.handlers.turn;

/**
 * Turn-taking logic: decides from a stream of voice-activity windows when the user starts talking
 * and when their turn ends. FastRTC's {@code determine_pause} (and its {@code PauseDetectionModel}
 * plus {@code AlgoOptions}) as one small interface: implement it to bring your own logic (a
 * walkie-talkie "over", a semantic end-of-turn model) and pass it to {@link
 * ReplyOptions.Builder#pauseDetector}. The built-ins are {@link TurnDetector} (the default:
 * streaming windows, configurable silence) and {@link ChunkPauseDetector} (FastRTC's 0.6 s chunk
 * algorithm, for compatibility and comparison).
 *
 * <p>One instance serves one connection and is called from one thread at a time.
 */
public interface PauseDetector {

  /**
   * Takes the next window of the user's audio.
   *
   * @param window the samples and the model's speech probability
   * @return {@link TurnSignal#STARTED_TALKING} once when speech begins, {@link TurnSignal#PAUSE}
   *     once when the turn ends (only after a start), else {@link TurnSignal#NONE}
   */
  TurnSignal onWindow(VadWindow window);

  /**
   * How much audio before {@link TurnSignal#STARTED_TALKING} belongs to the utterance: the speech
   * the detector had to hear before deciding, plus a margin.
   *
   * @return milliseconds; 300 unless overridden
   */
  default double prerollMillis() {
    return 300;
  }

  /** Forgets the current turn, as after a reply or an interruption. */
  void reset();
}
