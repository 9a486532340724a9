package io.fastrtc.jakarta.handlers.speech.freetts;

import com.sun.speech.freetts.audio.AudioPlayer;
import java.io.ByteArrayOutputStream;
import javax.sound.sampled.AudioFormat;

/**
 * A FreeTTS {@link AudioPlayer} that keeps what the voice says in memory instead of playing it, so
 * the server needs no sound device. One per call of {@code speak}.
 */
final class MemoryAudioPlayer implements AudioPlayer {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private AudioFormat format = new AudioFormat(16_000f, 16, 1, true, true);
  private float volume = 1f;

  /** The samples spoken so far, mono int16, at {@link #sampleRate()}. */
  short[] samples() {
    byte[] b = bytes.toByteArray();
    int width = format.getSampleSizeInBits() / 8;
    int channels = Math.max(1, format.getChannels());
    int frames = b.length / (width * channels);
    short[] out = new short[frames];
    for (int i = 0; i < frames; i++) {
      int at = i * width * channels;
      if (width == 1) {
        out[i] =
            (short)
                ((AudioFormat.Encoding.PCM_UNSIGNED.equals(format.getEncoding())
                        ? (b[at] & 0xff) - 128
                        : b[at])
                    << 8);
      } else if (format.isBigEndian()) {
        out[i] = (short) ((b[at] << 8) | (b[at + 1] & 0xff));
      } else {
        out[i] = (short) ((b[at + 1] << 8) | (b[at] & 0xff));
      }
    }
    return out;
  }

  /** The rate of {@link #samples()}. */
  int sampleRate() {
    return Math.round(format.getSampleRate());
  }

  @Override
  public void setAudioFormat(AudioFormat format) {
    this.format = format;
  }

  @Override
  public AudioFormat getAudioFormat() {
    return format;
  }

  @Override
  public void pause() {}

  @Override
  public void resume() {}

  @Override
  public void reset() {}

  @Override
  public boolean drain() {
    return true;
  }

  @Override
  public void begin(int size) {}

  @Override
  public boolean end() {
    return true;
  }

  @Override
  public void cancel() {}

  @Override
  public void close() {}

  @Override
  public float getVolume() {
    return volume;
  }

  @Override
  public void setVolume(float volume) {
    this.volume = volume;
  }

  @Override
  public long getTime() {
    return 0;
  }

  @Override
  public void resetTime() {}

  @Override
  public void startFirstSampleTimer() {}

  @Override
  public boolean write(byte[] audio) {
    return write(audio, 0, audio.length);
  }

  @Override
  public boolean write(byte[] audio, int offset, int size) {
    bytes.write(audio, offset, size);
    return true;
  }

  @Override
  public void showMetrics() {}
}
