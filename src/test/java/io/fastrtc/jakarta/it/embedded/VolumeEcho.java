package io.fastrtc.jakarta.it.embedded;

import io.fastrtc.jakarta.api.AudioEmission;
import io.fastrtc.jakarta.api.AudioFrame;
import io.fastrtc.jakarta.api.Emission;
import io.fastrtc.jakarta.api.Modality;
import io.fastrtc.jakarta.api.Output;
import io.fastrtc.jakarta.api.RealtimeStream;
import io.fastrtc.jakarta.api.StreamContext;
import io.fastrtc.jakarta.api.StreamHandler;
import jakarta.enterprise.context.Dependent;
import java.util.ArrayDeque;

/** The user's handler: an echo scaled by the volume input, outputting the volume it applied. */
@RealtimeStream(
    name = "volume-echo",
    modality = Modality.AUDIO,
    isDefault = true,
    concurrencyLimit = 2,
    inputs = VolumeInputs.class,
    outputs = @Output(name = "volume"))
@Dependent
public class VolumeEcho implements StreamHandler {
  private final ArrayDeque<AudioFrame> pending = new ArrayDeque<>();
  private StreamContext context;
  private double lastVolume = Double.NaN;
  private boolean announce;

  @Override
  public void startUp(StreamContext context) {
    this.context = context;
  }

  @Override
  public void receive(AudioFrame frame) {
    double volume = context.inputs(VolumeInputs.class).volume();
    if (volume != lastVolume) {
      lastVolume = volume;
      announce = true;
    }
    short[] out = new short[frame.samples().length];
    for (int i = 0; i < out.length; i++) {
      out[i] = (short) Math.max(-32768, Math.min(32767, Math.round(frame.samples()[i] * volume)));
    }
    if (pending.size() == 50) {
      pending.removeFirst();
    }
    pending.addLast(new AudioFrame(frame.sampleRate(), frame.channels(), out));
  }

  @Override
  public AudioEmission emit() {
    if (announce) {
      announce = false;
      return Emission.outputs(lastVolume);
    }
    AudioFrame next = pending.pollFirst();
    return next == null ? Emission.none() : Emission.audio(next);
  }
}
