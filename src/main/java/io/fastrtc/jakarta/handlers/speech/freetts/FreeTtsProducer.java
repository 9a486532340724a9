package io.fastrtc.jakarta.handlers.speech.freetts;

import io.fastrtc.jakarta.api.speech.SpeechEngine;
import io.fastrtc.jakarta.api.speech.TextToSpeech;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import java.util.logging.Logger;

/**
 * Offers FreeTTS as the speech engine {@code freetts}: {@code @Inject @SpeechEngine("freetts")
 * TextToSpeech}, loaded on first use (so a server that never speaks never loads it) and freed when
 * the application stops. It is the unqualified {@link TextToSpeech} when configuration says {@code
 * fastrtc.speech.tts=freetts}, the default.
 */
@ApplicationScoped
public class FreeTtsProducer {
  private static final Logger LOG = Logger.getLogger(FreeTtsProducer.class.getName());

  /**
   * The shared FreeTTS voice.
   *
   * @return kevin16, loaded once per application
   */
  @Produces
  @ApplicationScoped
  @SpeechEngine("freetts")
  public TextToSpeech freeTts() {
    long start = System.nanoTime();
    FreeTtsSpeech voice = FreeTtsSpeech.load();
    LOG.info(
        () ->
            String.format(
                "FreeTTS %s loaded in %d ms (%d Hz)",
                FreeTtsSpeech.VOICE,
                (System.nanoTime() - start) / 1_000_000,
                FreeTtsSpeech.SAMPLE_RATE));
    return voice;
  }

  /**
   * Frees the voice when the application stops.
   *
   * @param voice the produced voice
   */
  public void close(@Disposes @SpeechEngine("freetts") TextToSpeech voice) {
    if (voice instanceof FreeTtsSpeech freeTts) {
      freeTts.close();
    }
  }
}
