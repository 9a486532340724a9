package io.fastrtc.jakarta.it.iostreams;

import io.fastrtc.jakarta.api.AudioEmission;
import io.fastrtc.jakarta.api.AudioFrame;
import io.fastrtc.jakarta.api.Emission;
import io.fastrtc.jakarta.api.Modality;
import io.fastrtc.jakarta.api.Mode;
import io.fastrtc.jakarta.api.Output;
import io.fastrtc.jakarta.api.RealtimeStream;
import io.fastrtc.jakarta.api.StreamHandler;
import jakarta.enterprise.context.Dependent;

/** Receive mode: emits {@link #COUNT} outputs 1..COUNT as fast as it can, then silence. */
@RealtimeStream(
    name = "burst",
    modality = Modality.AUDIO,
    mode = Mode.RECEIVE,
    concurrencyLimit = 2,
    outputs = @Output(name = "n"))
@Dependent
public class BurstStream implements StreamHandler {
  /** How many outputs, more than the 256 a connection keeps. */
  public static final int COUNT = 300;

  private int emitted;

  @Override
  public void receive(AudioFrame frame) {}

  @Override
  public AudioEmission emit() {
    if (emitted < COUNT) {
      return Emission.outputs(++emitted);
    }
    return Emission.audio(AudioFrame.mono(24_000, new short[480]));
  }
}
