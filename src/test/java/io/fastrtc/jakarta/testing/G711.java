package io.fastrtc.jakarta.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/**
 * µ-law through the JDK's own G.711 codec, so tests of the socket transports do not check the
 * server's codec with itself. The JDK wraps around above ±32635 instead of clipping (see {@code
 * MuLawTest}): keep test signals below that.
 */
public final class G711 {
  private static final AudioFormat LINEAR = new AudioFormat(8000, 16, 1, true, false);
  private static final AudioFormat ULAW =
      new AudioFormat(AudioFormat.Encoding.ULAW, 8000, 8, 1, 1, 8000, false);

  private G711() {}

  /** Encodes mono int16 samples. */
  public static byte[] encode(short[] samples) {
    byte[] pcm = new byte[samples.length * 2];
    for (int i = 0; i < samples.length; i++) {
      pcm[2 * i] = (byte) samples[i];
      pcm[2 * i + 1] = (byte) (samples[i] >> 8);
    }
    return convert(AudioFormat.Encoding.ULAW, LINEAR, pcm, samples.length);
  }

  /** Decodes µ-law bytes to mono int16 samples. */
  public static short[] decode(byte[] codes) {
    byte[] pcm = convert(LINEAR, ULAW, codes, codes.length);
    short[] out = new short[codes.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = (short) ((pcm[2 * i] & 0xff) | (pcm[2 * i + 1] << 8));
    }
    return out;
  }

  private static byte[] convert(Object target, AudioFormat from, byte[] data, int frames) {
    try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(data), from, frames);
        AudioInputStream out =
            target instanceof AudioFormat f
                ? AudioSystem.getAudioInputStream(f, in)
                : AudioSystem.getAudioInputStream((AudioFormat.Encoding) target, in)) {
      return out.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
