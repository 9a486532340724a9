package io.fastrtc.jakarta.demo;

import io.fastrtc.jakarta.api.AudioEmission;
import io.fastrtc.jakarta.api.AudioFrame;
import io.fastrtc.jakarta.api.Emission;
import io.fastrtc.jakarta.api.Modality;
import io.fastrtc.jakarta.api.Output;
import io.fastrtc.jakarta.api.OutputKind;
import io.fastrtc.jakarta.api.RealtimeStream;
import io.fastrtc.jakarta.api.StreamContext;
import io.fastrtc.jakarta.handlers.echo.EchoHandler;
import jakarta.enterprise.context.Dependent;

/**
 * FastRTC's own inputs-and-outputs example, in audio: echoes the microphone and, five times a
 * second, outputs the share of samples louder than the threshold input (a slider from 0 to 1, 0.3
 * by default).
 */
@RealtimeStream(
    name = "threshold",
    modality = Modality.AUDIO,
    concurrencyLimit = 5,
    inputs = ThresholdInputs.class,
    outputs = @Output(name = "share", kind = OutputKind.VALUE, label = "Share above threshold"),
    description = "Echoes your microphone and reports the share of samples above a threshold")
@Dependent
public class ThresholdStream extends EchoHandler {
  /** Frames (20 ms) per output: five outputs a second. */
  static final int FRAMES_PER_OUTPUT = 10;

  private StreamContext context;
  private long loud;
  private long total;
  private int frames;
  private Double pending;

  @Override
  public void startUp(StreamContext context) {
    super.startUp(context);
    this.context = context;
  }

  @Override
  public void receive(AudioFrame frame) {
    super.receive(frame);
    double threshold = context.inputs(ThresholdInputs.class).threshold() * 32768;
    for (short s : frame.samples()) {
      if (Math.abs((int) s) > threshold) {
        loud++;
      }
    }
    total += frame.samples().length;
    if (++frames == FRAMES_PER_OUTPUT) {
      pending = total == 0 ? 0 : Math.round(1000.0 * loud / total) / 1000.0;
      frames = 0;
      loud = 0;
      total = 0;
    }
  }

  @Override
  public AudioEmission emit() {
    if (pending != null) {
      double share = pending;
      pending = null;
      return Emission.outputs(share);
    }
    return super.emit();
  }
}
