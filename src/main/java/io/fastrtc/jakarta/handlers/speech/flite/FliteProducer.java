package io.fastrtc.jakarta.handlers.speech.flite;

import io.fastrtc.jakarta.api.speech.SpeechEngine;
import io.fastrtc.jakarta.api.speech.TextToSpeech;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.logging.Logger;

/**
 * Offers Debian's flite ({@code slt} voice) as the speech engine {@code flite}:
 * {@code @Inject @SpeechEngine("flite") TextToSpeech}. It is the unqualified {@link TextToSpeech}
 * when configuration says {@code fastrtc.speech.tts=flite}. It is checked on first use: without the
 * {@code flite} package the error says what to install.
 */
@ApplicationScoped
public class FliteProducer {
  private static final Logger LOG = Logger.getLogger(FliteProducer.class.getName());

  /**
   * The flite voice.
   *
   * @return {@code flite -voice slt}, checked to run
   */
  @Produces
  @ApplicationScoped
  @SpeechEngine("flite")
  public TextToSpeech flite() {
    long start = System.nanoTime();
    FliteSpeech flite = new FliteSpeech().check();
    LOG.info(
        () ->
            String.format(
                "flite %s checked in %d ms (%d Hz, a process per sentence)",
                FliteSpeech.DEFAULT_VOICE,
                (System.nanoTime() - start) / 1_000_000,
                FliteSpeech.SAMPLE_RATE));
    return flite;
  }
}
