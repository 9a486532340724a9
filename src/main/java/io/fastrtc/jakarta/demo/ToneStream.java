package io.fastrtc.jakarta.demo;

import io.fastrtc.jakarta.api.AudioFrame;
import io.fastrtc.jakarta.api.AudioGenerator;
import io.fastrtc.jakarta.api.Emission;
import io.fastrtc.jakarta.api.Modality;
import io.fastrtc.jakarta.api.Mode;
import io.fastrtc.jakarta.api.RealtimeStream;
import jakarta.enterprise.context.Dependent;

/** Receive mode: the server generates a continuous 660 Hz tone, 20 ms per call. */
@RealtimeStream(
    name = "tone",
    modality = Modality.AUDIO,
    mode = Mode.RECEIVE,
    concurrencyLimit = 5,
    description = "Plays a 660 Hz tone generated on the server")
@Dependent
public class ToneStream implements AudioGenerator {
  static final double FREQUENCY = 660;
  private static final int RATE = 24_000;
  private static final int CHUNK = RATE / 50;
  private long sample;

  @Override
  public Emission next() {
    float[] chunk = new float[CHUNK];
    for (int i = 0; i < CHUNK; i++, sample++) {
      chunk[i] = (float) (0.3 * Math.sin(2 * Math.PI * FREQUENCY * sample / RATE));
    }
    return Emission.audio(AudioFrame.fromFloats(RATE, chunk));
  }
}
