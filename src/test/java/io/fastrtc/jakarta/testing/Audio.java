package io.fastrtc.jakarta.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Random;

/**
 * Synthetic audio and audio analysis for tests: tone, silence and noise generators (mono int16),
 * RMS level, a spectral frequency estimator and a WAV writer.
 *
 * <p>Amplitudes are fractions of int16 full scale (1.0 = 32767).
 */
public final class Audio {

  /** Full scale of signed 16-bit PCM. */
  public static final double FULL_SCALE = 32767.0;

  /** Frequencies below this are ignored by {@link #dominantFrequency} (DC offset, rumble). */
  private static final double MIN_FREQUENCY_HZ = 20.0;

  private Audio() {}

  /**
   * A sine tone.
   *
   * @param hz frequency in Hz
   * @param seconds duration
   * @param sampleRate samples per second
   * @param amplitude peak level as a fraction of full scale, 0..1
   * @return mono int16 samples
   */
  public static short[] sine(double hz, double seconds, int sampleRate, double amplitude) {
    checkFormat(seconds, sampleRate);
    short[] out = new short[sampleCount(seconds, sampleRate)];
    double step = 2 * Math.PI * hz / sampleRate;
    for (int i = 0; i < out.length; i++) {
      out[i] = clip(amplitude * FULL_SCALE * Math.sin(step * i));
    }
    return out;
  }

  /**
   * Digital silence (all zeros).
   *
   * @param seconds duration
   * @param sampleRate samples per second
   * @return mono int16 samples
   */
  public static short[] silence(double seconds, int sampleRate) {
    checkFormat(seconds, sampleRate);
    return new short[sampleCount(seconds, sampleRate)];
  }

  /**
   * Uniform white noise from a fixed seed, so tests are repeatable.
   *
   * @param seconds duration
   * @param sampleRate samples per second
   * @param amplitude peak level as a fraction of full scale, 0..1
   * @param seed random seed
   * @return mono int16 samples
   */
  public static short[] noise(double seconds, int sampleRate, double amplitude, long seed) {
    checkFormat(seconds, sampleRate);
    Random random = new Random(seed);
    short[] out = new short[sampleCount(seconds, sampleRate)];
    for (int i = 0; i < out.length; i++) {
      out[i] = clip(amplitude * FULL_SCALE * (2 * random.nextDouble() - 1));
    }
    return out;
  }

  /**
   * Sums two signals sample by sample with clipping; the result has the length of the longer one.
   *
   * @param a first signal
   * @param b second signal
   * @return the mix
   */
  public static short[] mix(short[] a, short[] b) {
    Objects.requireNonNull(a, "a == null");
    Objects.requireNonNull(b, "b == null");
    short[] out = new short[Math.max(a.length, b.length)];
    for (int i = 0; i < out.length; i++) {
      int sum = (i < a.length ? a[i] : 0) + (i < b.length ? b[i] : 0);
      out[i] = clip(sum);
    }
    return out;
  }

  /**
   * Root-mean-square level in int16 units (a full-scale sine gives about 23170, silence 0).
   *
   * @param samples mono int16 samples
   * @return the RMS level, 0 for an empty array
   */
  public static double rms(short[] samples) {
    Objects.requireNonNull(samples, "samples == null");
    if (samples.length == 0) {
      return 0;
    }
    double sum = 0;
    for (short s : samples) {
      sum += (double) s * s;
    }
    return Math.sqrt(sum / samples.length);
  }

  /**
   * Estimates the strongest frequency: a Hann-windowed, zero-padded FFT whose peak bin (above 20
   * Hz) is refined by parabolic interpolation of the log magnitudes. On 0.5 s of audio the error is
   * well under 1 Hz for a clean tone.
   *
   * @param samples mono int16 samples, at least 64
   * @param sampleRate samples per second
   * @return the frequency in Hz of the spectral peak, or 0 if the signal is silent
   */
  public static double dominantFrequency(short[] samples, int sampleRate) {
    Objects.requireNonNull(samples, "samples == null");
    if (samples.length < 64) {
      throw new IllegalArgumentException("need at least 64 samples, got " + samples.length);
    }
    if (sampleRate <= 0) {
      throw new IllegalArgumentException("sampleRate <= 0: " + sampleRate);
    }
    // Zero-pad to at least 4x the signal length so bins are narrow before interpolation.
    int n = Integer.highestOneBit(samples.length * 4 - 1) << 1;
    double[] re = new double[n];
    double[] im = new double[n];
    int len = samples.length;
    for (int i = 0; i < len; i++) {
      double hann = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / (len - 1));
      re[i] = samples[i] * hann;
    }
    fft(re, im);
    int firstBin = Math.max(1, (int) Math.ceil(MIN_FREQUENCY_HZ * n / sampleRate));
    int peak = -1;
    double peakPower = 0;
    for (int k = firstBin; k < n / 2; k++) {
      double power = re[k] * re[k] + im[k] * im[k];
      if (power > peakPower) {
        peakPower = power;
        peak = k;
      }
    }
    if (peak < 0 || peakPower == 0) {
      return 0;
    }
    double offset = 0;
    if (peak > firstBin && peak < n / 2 - 1) {
      double left = logPower(re, im, peak - 1);
      double mid = logPower(re, im, peak);
      double right = logPower(re, im, peak + 1);
      double denominator = left - 2 * mid + right;
      if (denominator != 0) {
        offset = 0.5 * (left - right) / denominator;
      }
    }
    return (peak + offset) * sampleRate / n;
  }

  /**
   * Writes a mono 16-bit PCM WAV file (RIFF, little-endian), e.g. for Chromium's {@code
   * --use-file-for-fake-audio-capture}.
   *
   * @param file target path, replaced if it exists
   * @param mono mono int16 samples
   * @param sampleRate samples per second
   * @throws IOException if the file cannot be written
   */
  public static void writeWav(Path file, short[] mono, int sampleRate) throws IOException {
    Objects.requireNonNull(file, "file == null");
    Objects.requireNonNull(mono, "mono == null");
    int dataBytes = mono.length * 2;
    ByteBuffer buf = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
    buf.put(ascii("RIFF")).putInt(36 + dataBytes).put(ascii("WAVE"));
    buf.put(ascii("fmt ")).putInt(16).putShort((short) 1).putShort((short) 1);
    buf.putInt(sampleRate).putInt(sampleRate * 2).putShort((short) 2).putShort((short) 16);
    buf.put(ascii("data")).putInt(dataBytes);
    for (short s : mono) {
      buf.putShort(s);
    }
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write(buf.array());
    }
  }

  /**
   * Number of samples in a duration, rounded to the nearest sample.
   *
   * @param seconds duration
   * @param sampleRate samples per second
   * @return sample count
   */
  public static int sampleCount(double seconds, int sampleRate) {
    return (int) Math.round(seconds * sampleRate);
  }

  private static double logPower(double[] re, double[] im, int k) {
    return Math.log(re[k] * re[k] + im[k] * im[k] + 1e-12);
  }

  /** In-place iterative radix-2 Cooley-Tukey FFT; the length must be a power of two. */
  private static void fft(double[] re, double[] im) {
    int n = re.length;
    for (int i = 1, j = 0; i < n; i++) {
      int bit = n >> 1;
      for (; (j & bit) != 0; bit >>= 1) {
        j ^= bit;
      }
      j ^= bit;
      if (i < j) {
        double t = re[i];
        re[i] = re[j];
        re[j] = t;
        t = im[i];
        im[i] = im[j];
        im[j] = t;
      }
    }
    for (int size = 2; size <= n; size <<= 1) {
      double angle = -2 * Math.PI / size;
      double wRe = Math.cos(angle);
      double wIm = Math.sin(angle);
      for (int start = 0; start < n; start += size) {
        double curRe = 1;
        double curIm = 0;
        for (int k = 0; k < size / 2; k++) {
          int a = start + k;
          int b = a + size / 2;
          double tRe = re[b] * curRe - im[b] * curIm;
          double tIm = re[b] * curIm + im[b] * curRe;
          re[b] = re[a] - tRe;
          im[b] = im[a] - tIm;
          re[a] += tRe;
          im[a] += tIm;
          double nextRe = curRe * wRe - curIm * wIm;
          curIm = curRe * wIm + curIm * wRe;
          curRe = nextRe;
        }
      }
    }
  }

  private static short clip(double value) {
    return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(value)));
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private static void checkFormat(double seconds, int sampleRate) {
    if (seconds < 0) {
      throw new IllegalArgumentException("seconds < 0: " + seconds);
    }
    if (sampleRate <= 0) {
      throw new IllegalArgumentException("sampleRate <= 0: " + sampleRate);
    }
  }
}
