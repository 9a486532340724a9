package io.fastrtc.jakarta.handlers.speech.flite;

import io.fastrtc.jakarta.api.AudioFrame;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Reads the mono or stereo 16-bit PCM WAV that flite writes. */
final class Wav {
  private Wav() {}

  /**
   * The audio of a RIFF/WAVE file.
   *
   * @throws IllegalStateException when it is not 16-bit PCM
   */
  static AudioFrame read(byte[] wav) {
    ByteBuffer b = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
    if (wav.length < 12 || b.getInt(0) != 0x46464952 || b.getInt(8) != 0x45564157) {
      throw new IllegalStateException("not a WAV file (" + wav.length + " bytes)");
    }
    int rate = 0;
    int channels = 0;
    int at = 12;
    while (at + 8 <= wav.length) {
      int id = b.getInt(at);
      int size = b.getInt(at + 4);
      int body = at + 8;
      if (id == 0x20746d66) { // "fmt "
        if (b.getShort(body) != 1 || b.getShort(body + 14) != 16) {
          throw new IllegalStateException("not 16-bit PCM");
        }
        channels = b.getShort(body + 2);
        rate = b.getInt(body + 4);
      } else if (id == 0x61746164) { // "data"
        if (rate == 0) {
          throw new IllegalStateException("WAV data before its format");
        }
        int end = size < 0 || body + size > wav.length ? wav.length : body + size;
        short[] samples = new short[(end - body) / 2 / channels * channels];
        b.position(body);
        b.asShortBuffer().get(samples);
        return new AudioFrame(rate, channels, samples);
      }
      at = body + size + (size & 1);
    }
    throw new IllegalStateException("WAV without data");
  }
}
