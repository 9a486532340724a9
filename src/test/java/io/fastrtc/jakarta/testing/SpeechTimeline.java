package io.fastrtc.jakarta.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A 16 kHz recording assembled from speech pieces and pauses, with a low noise floor, that knows
 * where each piece of speech starts and ends (the ground truth for VAD tests and benchmarks).
 */
public final class SpeechTimeline {

  /** Where a piece of speech lies, in samples at 16 kHz. */
  public record Segment(int start, int end) {
    /** Start in milliseconds. */
    public double startMs() {
      return start * 1000.0 / SpeechSynth.SAMPLE_RATE;
    }

    /** End in milliseconds. */
    public double endMs() {
      return end * 1000.0 / SpeechSynth.SAMPLE_RATE;
    }
  }

  private final List<short[]> parts = new ArrayList<>();
  private final List<Segment> speech = new ArrayList<>();
  private final Random noise;
  private final double noiseAmplitude;
  private int length;

  /**
   * @param seed seed of the noise floor
   * @param noiseDbfs RMS level of the white noise floor added everywhere, e.g. -60
   */
  public SpeechTimeline(long seed, double noiseDbfs) {
    this.noise = new Random(seed);
    this.noiseAmplitude = Audio.FULL_SCALE * Math.pow(10, noiseDbfs / 20.0);
  }

  /** Appends a piece of speech (16 kHz, already trimmed). */
  public SpeechTimeline speech(short[] samples) {
    speech.add(new Segment(length, length + samples.length));
    return append(samples);
  }

  /** Appends a pause. */
  public SpeechTimeline pause(double seconds) {
    return append(new short[(int) Math.round(seconds * SpeechSynth.SAMPLE_RATE)]);
  }

  private SpeechTimeline append(short[] samples) {
    parts.add(samples);
    length += samples.length;
    return this;
  }

  /** Where the speech pieces are, in order. */
  public List<Segment> segments() {
    return List.copyOf(speech);
  }

  /** The current length in samples. */
  public int length() {
    return length;
  }

  /** The recording: every part in order, plus the noise floor. */
  public short[] audio() {
    short[] out = new short[length];
    int at = 0;
    for (short[] part : parts) {
      System.arraycopy(part, 0, out, at, part.length);
      at += part.length;
    }
    for (int i = 0; i < out.length; i++) {
      double value = out[i] + noise.nextGaussian() * noiseAmplitude;
      out[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(value)));
    }
    return out;
  }

  /** Scales int16 samples to floats in [-1, 1], as the VAD models take them. */
  public static float[] toFloat(short[] samples, int from, int count) {
    float[] out = new float[count];
    for (int i = 0; i < count && from + i < samples.length; i++) {
      out[i] = samples[from + i] / 32768f;
    }
    return out;
  }
}
