package io.fastrtc.jakarta.runtime.audio;

/** Conversions between little-endian 16-bit PCM bytes and samples, and channel mixing. */
public final class Pcm {
  private Pcm() {}

  /** Decodes little-endian int16 bytes into samples. */
  public static short[] toShorts(byte[] bytes, int sampleCount) {
    short[] out = new short[sampleCount];
    for (int i = 0; i < sampleCount; i++) {
      out[i] = (short) ((bytes[2 * i] & 0xff) | (bytes[2 * i + 1] << 8));
    }
    return out;
  }

  /** Decodes little-endian int16 bytes into {@code out} from {@code offset}, allocating nothing. */
  public static void toShorts(byte[] bytes, int sampleCount, short[] out, int offset) {
    for (int i = 0; i < sampleCount; i++) {
      out[offset + i] = (short) ((bytes[2 * i] & 0xff) | (bytes[2 * i + 1] << 8));
    }
  }

  /**
   * Decodes interleaved little-endian int16 bytes straight into mono {@code out} (channels
   * averaged), allocating nothing.
   */
  public static void toMono(byte[] bytes, int frames, int channels, short[] out) {
    if (channels == 1) {
      toShorts(bytes, frames, out, 0);
      return;
    }
    for (int f = 0; f < frames; f++) {
      int sum = 0;
      for (int c = 0; c < channels; c++) {
        int i = f * channels + c;
        sum += (short) ((bytes[2 * i] & 0xff) | (bytes[2 * i + 1] << 8));
      }
      out[f] = (short) (sum / channels);
    }
  }

  /** Encodes samples as little-endian int16 bytes into {@code out}, which must be large enough. */
  public static void toBytes(short[] samples, int count, byte[] out) {
    for (int i = 0; i < count; i++) {
      out[2 * i] = (byte) samples[i];
      out[2 * i + 1] = (byte) (samples[i] >> 8);
    }
  }

  /** Averages interleaved channels into mono. Returns the input when it is already mono. */
  public static short[] toMono(short[] interleaved, int channels) {
    if (channels == 1) {
      return interleaved;
    }
    int frames = interleaved.length / channels;
    short[] out = new short[frames];
    for (int f = 0; f < frames; f++) {
      int sum = 0;
      for (int c = 0; c < channels; c++) {
        sum += interleaved[f * channels + c];
      }
      out[f] = (short) (sum / channels);
    }
    return out;
  }

  /** Duplicates mono samples into interleaved stereo. */
  public static short[] toStereo(short[] mono) {
    short[] out = new short[mono.length * 2];
    for (int i = 0; i < mono.length; i++) {
      out[2 * i] = mono[i];
      out[2 * i + 1] = mono[i];
    }
    return out;
  }
}
