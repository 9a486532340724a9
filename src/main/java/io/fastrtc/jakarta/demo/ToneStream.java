package io.fastrtc.jakarta.demo;

import io.fastrtc.jakarta.api.AudioEmission;
import io.fastrtc.jakarta.api.AudioFrame;
import io.fastrtc.jakarta.api.AudioGenerator;
import io.fastrtc.jakarta.api.Emission;
import io.fastrtc.jakarta.api.Modality;
import io.fastrtc.jakarta.api.Mode;
import io.fastrtc.jakarta.api.RealtimeStream;
import io.fastrtc.jakarta.api.StreamContext;
import jakarta.enterprise.context.Dependent;

/**
 * Receive mode: the server generates a continuous tone whose frequency and gain are inputs (660 Hz
 * at 0.3 until the client sets others). The phase carries over a change, so it does not click.
 */
@RealtimeStream(
    name = "tone",
    modality = Modality.AUDIO,
    mode = Mode.RECEIVE,
    concurrencyLimit = 5,
    inputs = ToneInputs.class,
    description = "Plays a tone generated on the server; frequency and gain are inputs")
@Dependent
public class ToneStream implements AudioGenerator {
  private static final int RATE = 24_000;
  private static final int CHUNK = RATE / 50;
  private StreamContext context;
  private double phase;

  @Override
  public void startUp(StreamContext context) {
    this.context = context;
  }

  @Override
  public AudioEmission next() {
    ToneInputs in = context.inputs(ToneInputs.class);
    double step = 2 * Math.PI * in.frequency() / RATE;
    float[] chunk = new float[CHUNK];
    for (int i = 0; i < CHUNK; i++) {
      chunk[i] = (float) (in.gain() * Math.sin(phase));
      phase += step;
    }
    phase %= 2 * Math.PI;
    return Emission.audio(AudioFrame.fromFloats(RATE, chunk));
  }
}
