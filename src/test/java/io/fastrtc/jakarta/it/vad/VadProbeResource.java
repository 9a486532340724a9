package io.fastrtc.jakarta.it.vad;

import io.fastrtc.jakarta.handlers.turn.VoiceActivity;
import io.fastrtc.jakarta.handlers.turn.VoiceActivityModel;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.StringJoiner;

/**
 * {@code POST /api/it-vad} with 16 kHz mono little-endian int16 PCM: the speech probability of each
 * window, from the model CDI injects, as {@code {"sampleRate":..,"window":..,"p":[..]}}.
 */
@Path("it-vad")
@RequestScoped
public class VadProbeResource {

  @Inject VoiceActivityModel model;

  /** Scores the posted audio window by window. */
  @POST
  @Consumes(MediaType.APPLICATION_OCTET_STREAM)
  @Produces(MediaType.APPLICATION_JSON)
  public String score(byte[] pcm) {
    ByteBuffer buffer = ByteBuffer.wrap(pcm).order(ByteOrder.LITTLE_ENDIAN);
    int window = model.windowSamples();
    StringJoiner probabilities = new StringJoiner(",", "[", "]");
    try (VoiceActivity activity = model.open()) {
      float[] samples = new float[window];
      while (buffer.remaining() >= 2 * window) {
        for (int i = 0; i < window; i++) {
          samples[i] = buffer.getShort() / 32768f;
        }
        probabilities.add(String.format("%.3f", activity.speechProbability(samples)));
      }
    }
    return "{\"sampleRate\":"
        + model.sampleRate()
        + ",\"window\":"
        + window
        + ",\"p\":"
        + probabilities
        + "}";
  }
}
