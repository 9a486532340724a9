package io.fastrtc.jakarta.handlers.turn;

/**
 * A model-free {@link VoiceActivityModel}: the speech probability of a 20 ms window at 16 kHz is a
 * logistic function of its level, {@code 1 / (1 + exp(-(dBFS - thresholdDbfs) / slopeDb))}, so a
 * window at the threshold scores 0.5. It needs no model file and costs almost nothing, but any loud
 * sound counts as speech (music, a door, the reply's own echo without echo cancellation): Silero is
 * the better choice where it is available. Stateless and thread-safe.
 */
public final class EnergyVoiceActivityModel implements VoiceActivityModel {
  /** The model's rate. */
  public static final int SAMPLE_RATE = 16_000;

  /** 20 ms at 16 kHz. */
  public static final int WINDOW_SAMPLES = 320;

  /** The default threshold: -40 dBFS, well below speech at a normal level, above a quiet room. */
  public static final double DEFAULT_THRESHOLD_DBFS = -40;

  private static final double SLOPE_DB = 2;

  private final double thresholdDbfs;

  /** A model with the default threshold, -40 dBFS. */
  public EnergyVoiceActivityModel() {
    this(DEFAULT_THRESHOLD_DBFS);
  }

  /**
   * A model with its own threshold.
   *
   * @param thresholdDbfs the level (RMS, dB below full scale) that scores 0.5, e.g. -40
   */
  public EnergyVoiceActivityModel(double thresholdDbfs) {
    if (!(thresholdDbfs < 0)) {
      throw new IllegalArgumentException("thresholdDbfs must be negative: " + thresholdDbfs);
    }
    this.thresholdDbfs = thresholdDbfs;
  }

  @Override
  public int sampleRate() {
    return SAMPLE_RATE;
  }

  @Override
  public int windowSamples() {
    return WINDOW_SAMPLES;
  }

  @Override
  public VoiceActivity open() {
    return new VoiceActivity() {
      @Override
      public float speechProbability(float[] window) {
        return probability(window);
      }

      @Override
      public void reset() {}

      @Override
      public void close() {}
    };
  }

  /** The probability for one window. */
  float probability(float[] window) {
    if (window.length != WINDOW_SAMPLES) {
      throw new IllegalArgumentException(
          "window must have " + WINDOW_SAMPLES + " samples: " + window.length);
    }
    double sum = 0;
    for (float v : window) {
      sum += (double) v * v;
    }
    double rms = Math.sqrt(sum / window.length);
    double dbfs = 20 * Math.log10(Math.max(rms, 1e-9));
    return (float) (1 / (1 + Math.exp(-(dbfs - thresholdDbfs) / SLOPE_DB)));
  }

  @Override
  public String toString() {
    return "energy VAD (" + thresholdDbfs + " dBFS)";
  }
}
