package io.fastrtc.jakarta.runtime.cdi;

import io.fastrtc.jakarta.api.speech.SpeechEngine;
import io.fastrtc.jakarta.api.speech.TextToSpeech;
import io.fastrtc.jakarta.runtime.config.ConfigKey;
import io.fastrtc.jakarta.runtime.config.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.util.AnnotationLiteral;
import java.util.logging.Logger;

/**
 * Produces the unqualified {@link TextToSpeech}: the engine bean ({@code @SpeechEngine(name)}) that
 * {@code fastrtc.speech.tts} names. It is made on first use, so a server that never speaks loads no
 * voice. An application's {@code @Alternative @Priority(...)} bean of the type wins over it.
 */
@Dependent
class SpeechProducer {
  private static final Logger LOG = Logger.getLogger(SpeechProducer.class.getName());

  @Produces
  @ApplicationScoped
  TextToSpeech textToSpeech(Settings settings, @Any Instance<TextToSpeech> engines) {
    String name = settings.speechTts();
    Instance<TextToSpeech> engine = engines.select(new Named(name));
    if (!engine.isResolvable()) {
      throw new IllegalStateException(
          ConfigKey.SPEECH_TTS.name()
              + "="
              + name
              + " but the application has "
              + (engine.isUnsatisfied() ? "no" : "more than one")
              + " @SpeechEngine(\""
              + name
              + "\") TextToSpeech bean: deploy the FastRTC jar with its speech engines"
              + " (io.fastrtc.jakarta.handlers.speech."
              + name
              + ") and their library"
              + ("freetts".equals(name) ? " (net.sf.sociaal:freetts:1.2.2 in WEB-INF/lib)" : ""));
    }
    LOG.info(() -> "Text-to-speech: " + name + " (" + ConfigKey.SPEECH_TTS.name() + ")");
    return engine.get();
  }

  /** {@code @SpeechEngine(name)} as a value. */
  @SuppressWarnings("all") // an annotation literal: AnnotationLiteral gives equals and hashCode
  private static final class Named extends AnnotationLiteral<SpeechEngine> implements SpeechEngine {
    private static final long serialVersionUID = 1L;
    private final String name;

    Named(String name) {
      this.name = name;
    }

    @Override
    public String value() {
      return name;
    }
  }
}
