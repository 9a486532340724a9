package io.fastrtc.jakarta.it.stt;

import io.fastrtc.jakarta.api.AudioFrame;
import io.fastrtc.jakarta.api.speech.SpeechToText;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * {@code POST /api/it-stt} with 16 kHz mono little-endian int16 PCM: the transcript from the
 * speech-to-text CDI injects, as plain text.
 */
@Path("it-stt")
@RequestScoped
public class SttProbeResource {

  @Inject SpeechToText speechToText;

  /** Transcribes the posted audio. */
  @POST
  @Consumes(MediaType.APPLICATION_OCTET_STREAM)
  @Produces(MediaType.TEXT_PLAIN)
  public String transcribe(byte[] pcm) {
    short[] samples = new short[pcm.length / 2];
    ByteBuffer.wrap(pcm).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(samples);
    return speechToText.transcribe(AudioFrame.mono(16_000, samples));
  }
}
