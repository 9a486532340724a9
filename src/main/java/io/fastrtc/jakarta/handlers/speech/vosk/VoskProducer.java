package io.fastrtc.jakarta.handlers.speech.vosk;

import io.fastrtc.jakarta.api.speech.SpeechEngine;
import io.fastrtc.jakarta.api.speech.SpeechEngineCheck;
import io.fastrtc.jakarta.api.speech.SpeechToText;
import io.fastrtc.jakarta.handlers.ModelLoading;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import java.util.logging.Logger;

/**
 * Offers Vosk as the speech-to-text engine {@code vosk}: {@code @Inject @SpeechEngine("vosk")
 * SpeechToText}, the one shared model, loaded from {@code fastrtc.speech.vosk.model} on first use
 * (a server whose streams never transcribe never loads it) and freed when the application stops. It
 * is the unqualified {@link SpeechToText} when configuration says {@code fastrtc.speech.stt=vosk},
 * the default, and the application has no bean of its own. Its {@link SpeechEngineCheck} lets the
 * runtime fail the deployment when a stream uses it and the model folder is missing.
 */
@ApplicationScoped
public class VoskProducer {
  private static final Logger LOG = Logger.getLogger(VoskProducer.class.getName());

  /**
   * The shared Vosk model.
   *
   * @return the model in {@code fastrtc.speech.vosk.model}, loaded once per application
   * @throws IllegalStateException saying what to add when the model is missing; also logged
   */
  @Produces
  @ApplicationScoped
  @SpeechEngine("vosk")
  public SpeechToText vosk() {
    return load();
  }

  /**
   * Frees the model when the application stops.
   *
   * @param model the produced model
   */
  public void close(@Disposes @SpeechEngine("vosk") SpeechToText model) {
    if (model instanceof VoskSpeechToText vosk) {
      vosk.close();
    }
  }

  /**
   * Checks the model folder without loading it.
   *
   * @return the check of {@code fastrtc.speech.vosk.model}
   */
  @Produces
  @Dependent
  @SpeechEngine("vosk")
  public SpeechEngineCheck check() {
    return VoskModelLocation::problem;
  }

  /** Loads the configured model, logging how long it took or why it failed. */
  static VoskSpeechToText load() {
    return ModelLoading.<VoskSpeechToText>load(
        LOG,
        "Vosk speech-to-text",
        "com.alphacephei:vosk:0.3.45 (with its net.java.dev.jna:jna)",
        () -> VoskSpeechToText.load(VoskModelLocation.configured()),
        (model, millis) ->
            String.format(
                "Vosk speech-to-text: model %s loaded in %d ms",
                model.directory().toAbsolutePath(), millis));
  }
}
