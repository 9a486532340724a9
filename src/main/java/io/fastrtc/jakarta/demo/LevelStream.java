package io.fastrtc.jakarta.demo;

import io.fastrtc.jakarta.api.AudioFrame;
import io.fastrtc.jakarta.api.Emission;
import io.fastrtc.jakarta.api.Modality;
import io.fastrtc.jakarta.api.Mode;
import io.fastrtc.jakarta.api.RealtimeStream;
import io.fastrtc.jakarta.api.StreamHandler;
import jakarta.enterprise.context.Dependent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Send mode: the microphone goes to the server only, and every 200 ms the handler reports its level
 * as additional outputs, {@code {"rms": 0.12, "dbfs": -18.4}}. The client is told with {@code
 * fetch_output}; output subscribers receive the values.
 */
@RealtimeStream(
    name = "level",
    modality = Modality.AUDIO,
    mode = Mode.SEND,
    concurrencyLimit = 5,
    description = "Reports your microphone's level every 200 ms (additional outputs)")
@Dependent
public class LevelStream implements StreamHandler {
  private static final int FRAMES_PER_REPORT = 10; // 10 x 20 ms
  private double sumOfSquares;
  private long samples;
  private int frames;

  @Override
  public void receive(AudioFrame frame) {
    double rms = frame.rms();
    sumOfSquares += rms * rms * frame.samples().length;
    samples += frame.samples().length;
    frames++;
  }

  @Override
  public Emission emit() {
    if (frames < FRAMES_PER_REPORT) {
      return Emission.none();
    }
    double rms = samples == 0 ? 0 : Math.sqrt(sumOfSquares / samples);
    sumOfSquares = 0;
    samples = 0;
    frames = 0;
    Map<String, Object> level = new LinkedHashMap<>();
    level.put("rms", Math.round(rms * 10_000) / 10_000.0);
    level.put("dbfs", rms > 0 ? Math.round(200 * Math.log10(rms)) / 10.0 : -100.0);
    return Emission.outputs(level);
  }
}
