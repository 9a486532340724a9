package io.fastrtc.jakarta.handlers.turn;

import java.util.Objects;

/**
 * One window of the user's audio as a {@link PauseDetector} sees it: the samples the {@link
 * VoiceActivityModel} scored and its speech probability.
 *
 * @param samples mono samples in [-1, 1] at {@code sampleRate}; the detector must not keep or
 *     change them
 * @param sampleRate samples per second
 * @param speechProbability the model's probability, 0 to 1, that the window holds speech
 */
// The window is handed over for the call only; copying 512 floats 31 times a second buys nothing.
@SuppressWarnings("ArrayRecordComponent")
public record VadWindow(float[] samples, int sampleRate, float speechProbability) {

  /** Checks the arguments. */
  public VadWindow {
    Objects.requireNonNull(samples, "samples == null");
    if (sampleRate <= 0) {
      throw new IllegalArgumentException("sampleRate must be positive: " + sampleRate);
    }
  }

  /**
   * The window's duration.
   *
   * @return milliseconds, e.g. 32 for 512 samples at 16 kHz
   */
  public double millis() {
    return samples.length * 1000.0 / sampleRate;
  }
}
