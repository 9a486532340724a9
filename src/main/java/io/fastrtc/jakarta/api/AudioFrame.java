package io.fastrtc.jakarta.api;

import java.util.Arrays;
import java.util.Objects;

/**
 * A block of 16-bit PCM audio. Samples are interleaved when {@code channels > 1}; a mono frame of N
 * samples lasts {@code N / sampleRate} seconds. The array is not copied: treat it as immutable.
 *
 * @param sampleRate samples per second per channel, e.g. 48000
 * @param channels 1 (mono) or 2 (stereo, interleaved)
 * @param samples int16 samples, interleaved
 */
// The frame wraps the caller's array without a copy (documented above): a copy per 10 ms frame
// would cost every connection an allocation on the media path.
@SuppressWarnings("ArrayRecordComponent")
public record AudioFrame(int sampleRate, int channels, short[] samples) {

  /** Validates the frame. */
  public AudioFrame {
    if (sampleRate <= 0) {
      throw new IllegalArgumentException("sampleRate must be positive: " + sampleRate);
    }
    if (channels != 1 && channels != 2) {
      throw new IllegalArgumentException("channels must be 1 or 2: " + channels);
    }
    Objects.requireNonNull(samples, "samples == null");
    if (samples.length % channels != 0) {
      throw new IllegalArgumentException(
          "samples.length " + samples.length + " is not a multiple of channels " + channels);
    }
  }

  /** A mono frame. */
  public static AudioFrame mono(int sampleRate, short[] samples) {
    return new AudioFrame(sampleRate, 1, samples);
  }

  /** A mono frame from floats in [-1, 1]; values outside are clipped. */
  public static AudioFrame fromFloats(int sampleRate, float[] samples) {
    Objects.requireNonNull(samples, "samples == null");
    short[] pcm = new short[samples.length];
    for (int i = 0; i < samples.length; i++) {
      float clipped = Math.max(-1f, Math.min(1f, samples[i]));
      pcm[i] = (short) Math.round(clipped * Short.MAX_VALUE);
    }
    return new AudioFrame(sampleRate, 1, pcm);
  }

  /** Samples per channel. */
  public int sampleCount() {
    return samples.length / channels;
  }

  /** Duration in milliseconds. */
  public double durationMillis() {
    return sampleCount() * 1000.0 / sampleRate;
  }

  /** The samples as floats in [-1, 1), scaled by 1/32768 (FastRTC's {@code audio_to_float32}). */
  public float[] toFloats() {
    float[] out = new float[samples.length];
    for (int i = 0; i < samples.length; i++) {
      out[i] = samples[i] / 32768f;
    }
    return out;
  }

  /** Root-mean-square level in [0, 1]. */
  public double rms() {
    if (samples.length == 0) {
      return 0;
    }
    double sum = 0;
    for (short s : samples) {
      double v = s / 32768.0;
      sum += v * v;
    }
    return Math.sqrt(sum / samples.length);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof AudioFrame that
        && sampleRate == that.sampleRate
        && channels == that.channels
        && Arrays.equals(samples, that.samples);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * sampleRate + channels) + Arrays.hashCode(samples);
  }

  @Override
  public String toString() {
    return "AudioFrame[" + sampleRate + " Hz, " + channels + " ch, " + sampleCount() + " samples]";
  }
}
