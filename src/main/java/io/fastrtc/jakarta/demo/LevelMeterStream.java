package io.fastrtc.jakarta.demo;

import io.fastrtc.jakarta.api.AudioEmission;
import io.fastrtc.jakarta.api.AudioFrame;
import io.fastrtc.jakarta.api.Emission;
import io.fastrtc.jakarta.api.Modality;
import io.fastrtc.jakarta.api.Mode;
import io.fastrtc.jakarta.api.Output;
import io.fastrtc.jakarta.api.OutputKind;
import io.fastrtc.jakarta.api.RealtimeStream;
import io.fastrtc.jakarta.api.StreamHandler;
import jakarta.enterprise.context.Dependent;

/**
 * Send mode: the client only sends; ten times a second the server outputs the microphone's RMS
 * level and peak, both 0 to 1 of full scale.
 */
@RealtimeStream(
    name = "level-meter",
    modality = Modality.AUDIO,
    mode = Mode.SEND,
    concurrencyLimit = 5,
    outputs = {
      @Output(name = "level", kind = OutputKind.VALUE, label = "RMS level"),
      @Output(name = "peak", kind = OutputKind.VALUE, label = "Peak")
    },
    description = "Measures your microphone level and publishes it as outputs")
@Dependent
public class LevelMeterStream implements StreamHandler {
  /** Frames (20 ms) per output: ten outputs a second. */
  static final int FRAMES_PER_OUTPUT = 5;

  private double sumSquares;
  private long count;
  private int peak;
  private int frames;
  private AudioEmission pending = Emission.none();

  @Override
  public void receive(AudioFrame frame) {
    for (short s : frame.samples()) {
      sumSquares += (double) s * s;
      peak = Math.max(peak, Math.abs((int) s));
    }
    count += frame.samples().length;
    if (++frames == FRAMES_PER_OUTPUT) {
      double level = count == 0 ? 0 : Math.sqrt(sumSquares / count) / 32768;
      pending = Emission.outputs(round(level), round(peak / 32768.0));
      sumSquares = 0;
      count = 0;
      peak = 0;
      frames = 0;
    }
  }

  @Override
  public AudioEmission emit() {
    AudioEmission next = pending;
    pending = Emission.none();
    return next;
  }

  private static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }
}
