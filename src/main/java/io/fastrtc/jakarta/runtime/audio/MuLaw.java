package io.fastrtc.jakarta.runtime.audio;

/**
 * ITU-T G.711 µ-law, the codec of FastRTC's WebSocket transport and of Twilio Media Streams: one
 * byte per sample, 14-bit dynamic range. The encoder is the standard's segment/mantissa quantiser
 * on 16-bit input (bias 0x84, clip 32635, bits inverted on the wire); the decoder is a table of the
 * standard's 256 reconstruction values scaled to 16 bits. Both are pure and thread-safe.
 */
public final class MuLaw {
  private static final int BIAS = 0x84;
  private static final int CLIP = 32635;
  private static final short[] DECODE = new short[256];

  static {
    for (int i = 0; i < 256; i++) {
      int u = ~i & 0xff;
      int t = (((u & 0x0f) << 3) + BIAS) << ((u & 0x70) >> 4);
      DECODE[i] = (short) ((u & 0x80) != 0 ? BIAS - t : t - BIAS);
    }
  }

  private MuLaw() {}

  /** Encodes one 16-bit sample. */
  public static byte encode(short sample) {
    int pcm = sample;
    int sign = 0;
    if (pcm < 0) {
      pcm = -pcm;
      sign = 0x80;
    }
    if (pcm > CLIP) {
      pcm = CLIP;
    }
    pcm += BIAS;
    int exponent = 7;
    for (int mask = 0x4000; (pcm & mask) == 0 && exponent > 0; mask >>= 1) {
      exponent--;
    }
    int mantissa = (pcm >> (exponent + 3)) & 0x0f;
    return (byte) ~(sign | (exponent << 4) | mantissa);
  }

  /** Decodes one byte to a 16-bit sample. */
  public static short decode(byte code) {
    return DECODE[code & 0xff];
  }

  /** Encodes {@code count} samples from {@code samples} into {@code out} at {@code offset}. */
  public static void encode(short[] samples, int count, byte[] out, int offset) {
    for (int i = 0; i < count; i++) {
      out[offset + i] = encode(samples[i]);
    }
  }

  /** Encodes every sample. */
  public static byte[] encode(short[] samples) {
    byte[] out = new byte[samples.length];
    encode(samples, samples.length, out, 0);
    return out;
  }

  /** Decodes every byte. */
  public static short[] decode(byte[] codes) {
    short[] out = new short[codes.length];
    for (int i = 0; i < codes.length; i++) {
      out[i] = DECODE[codes[i] & 0xff];
    }
    return out;
  }
}
