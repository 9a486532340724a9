package io.fastrtc.jakarta.handlers.turn;

/**
 * A small streaming sample-rate converter for the turn-taking's own needs (the model's 16 kHz and
 * the utterance's rate): an average over whole groups when the input rate is a multiple of the
 * output rate (48 to 16 kHz, the common case), linear interpolation otherwise. Good enough for
 * voice activity and for speech handed to a reply; not a studio resampler. Keeps its phase across
 * calls. Not thread-safe.
 */
final class RateConverter {
  private final int inRate;
  private final int outRate;
  private final int factor;
  private float sum;
  private int summed;
  private double position; // linear mode: the next output's position, in input samples
  private float previous; // linear mode: the last input sample of the previous call

  RateConverter(int inRate, int outRate) {
    if (inRate <= 0 || outRate <= 0) {
      throw new IllegalArgumentException("rates must be positive: " + inRate + ", " + outRate);
    }
    this.inRate = inRate;
    this.outRate = outRate;
    this.factor = inRate % outRate == 0 ? inRate / outRate : 0;
  }

  /** Converts the next block; the result may be a sample shorter or longer than the exact ratio. */
  float[] process(float[] in) {
    if (inRate == outRate) {
      return in.clone();
    }
    return factor > 0 ? average(in) : interpolate(in);
  }

  private float[] average(float[] in) {
    float[] out = new float[(summed + in.length) / factor];
    int n = 0;
    for (float v : in) {
      sum += v;
      if (++summed == factor) {
        out[n++] = sum / factor;
        sum = 0;
        summed = 0;
      }
    }
    return out;
  }

  private float[] interpolate(float[] in) {
    double step = (double) inRate / outRate;
    // Input index -1 is the previous call's last sample.
    int count = (int) Math.max(0, Math.floor((in.length - 1 - position) / step) + 1);
    float[] out = new float[count];
    for (int i = 0; i < count; i++) {
      double at = position + i * step;
      int left = (int) Math.floor(at);
      double frac = at - left;
      float a = left < 0 ? previous : in[left];
      float b = left + 1 < in.length ? in[left + 1] : a;
      out[i] = (float) (a + (b - a) * frac);
    }
    position = position + count * step - in.length;
    if (in.length > 0) {
      previous = in[in.length - 1];
    }
    return out;
  }
}
