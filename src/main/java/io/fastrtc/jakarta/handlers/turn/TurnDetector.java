package io.fastrtc.jakarta.handlers.turn;

import java.util.Objects;

/**
 * The default turn-taking: a small state machine on streaming voice-activity windows, pure (no
 * audio, no clock, no threads), so it can be driven by recorded probabilities as well as by a live
 * model.
 *
 * <ul>
 *   <li>Not talking: speech windows add up (a window between the thresholds holds the count, a
 *       silent one clears it); at {@link TurnOptions#startSpeechMillis()} the user is talking:
 *       {@link TurnSignal#STARTED_TALKING}.
 *   <li>Talking: silent windows add up (a speech window clears the count); at {@link
 *       TurnOptions#pauseMillis()}, or once the turn has lasted {@link
 *       TurnOptions#maxContinuousSpeechSeconds()}, the turn ends: {@link TurnSignal#PAUSE}, and the
 *       detector starts over.
 * </ul>
 *
 * <p>FastRTC instead sums the speech in 0.6 s chunks and ends the turn on the first chunk with less
 * than 0.1 s of it, 0.6 to 1.2 s after the user stopped ({@link ChunkPauseDetector}).
 */
public final class TurnDetector implements PauseDetector {
  private final TurnOptions options;
  private boolean talking;
  private double speechMillis;
  private double silenceMillis;
  private double turnMillis;

  /** A detector with {@link TurnOptions#DEFAULTS}. */
  public TurnDetector() {
    this(TurnOptions.DEFAULTS);
  }

  /**
   * A detector with the given options.
   *
   * @param options thresholds and durations
   */
  public TurnDetector(TurnOptions options) {
    this.options = Objects.requireNonNull(options, "options == null");
  }

  /** The options. */
  public TurnOptions options() {
    return options;
  }

  @Override
  public TurnSignal onWindow(VadWindow window) {
    return onProbability(window.speechProbability(), window.millis());
  }

  /**
   * Takes the next window as its speech probability and duration alone (for benchmarks and tests on
   * recorded probabilities).
   *
   * @param probability the model's speech probability, 0 to 1
   * @param windowMillis the window's duration
   * @return what changed
   */
  public TurnSignal onProbability(float probability, double windowMillis) {
    boolean speech = probability >= options.speechThreshold();
    boolean silence = probability < options.silenceThreshold();
    if (!talking) {
      if (speech) {
        speechMillis += windowMillis;
      } else if (silence) {
        speechMillis = 0;
      }
      if (speech && speechMillis >= options.startSpeechMillis()) {
        talking = true;
        turnMillis = speechMillis;
        silenceMillis = 0;
        return TurnSignal.STARTED_TALKING;
      }
      return TurnSignal.NONE;
    }
    turnMillis += windowMillis;
    if (speech) {
      silenceMillis = 0;
    } else if (silence) {
      silenceMillis += windowMillis;
    }
    if (silenceMillis >= options.pauseMillis()
        || turnMillis >= options.maxContinuousSpeechSeconds() * 1000) {
      reset();
      return TurnSignal.PAUSE;
    }
    return TurnSignal.NONE;
  }

  /** The minimum speech before the onset, plus 200 ms. */
  @Override
  public double prerollMillis() {
    return options.startSpeechMillis() + 200;
  }

  /** Whether the user is talking (between {@code STARTED_TALKING} and {@code PAUSE}). */
  public boolean isTalking() {
    return talking;
  }

  @Override
  public void reset() {
    talking = false;
    speechMillis = 0;
    silenceMillis = 0;
    turnMillis = 0;
  }
}
