package io.fastrtc.jakarta.handlers.speech.vosk;

import io.fastrtc.jakarta.api.speech.SpeechToText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessBean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Makes Vosk the application's {@link SpeechToText} unless the application has one: a CDI portable
 * extension that watches the beans being deployed and, when none is a {@code @Default} {@link
 * SpeechToText}, adds an {@code @ApplicationScoped} one. So {@code @Inject SpeechToText stt} gets
 * the application's own bean when it declares one (a plain bean: no {@code @Alternative} needed),
 * and otherwise the one shared Vosk model, loaded from {@code fastrtc.speech.vosk.model} on first
 * use (a server whose streams never transcribe never loads it) and freed when the application
 * stops.
 */
public class VoskDefault implements Extension {
  private static final Logger LOG = Logger.getLogger(VoskDefault.class.getName());

  private volatile boolean applicationHasOne;

  void notice(@Observes ProcessBean<?> event) {
    Bean<?> bean = event.getBean();
    if (bean.getTypes().contains(SpeechToText.class)
        && bean.getQualifiers().contains(Default.Literal.INSTANCE)) {
      applicationHasOne = true;
      LOG.fine(() -> "The application's SpeechToText: " + bean);
    }
  }

  void addVosk(@Observes AfterBeanDiscovery event) {
    if (applicationHasOne) {
      return;
    }
    event
        .<SpeechToText>addBean()
        .beanClass(VoskDefault.class)
        .types(SpeechToText.class, Object.class)
        .qualifiers(Default.Literal.INSTANCE, Any.Literal.INSTANCE)
        .scope(ApplicationScoped.class)
        .produceWith(instance -> load())
        .disposeWith((model, instance) -> model.close());
  }

  /**
   * Loads the configured model.
   *
   * @throws IllegalStateException saying what to add when the model is missing; also logged
   */
  static VoskSpeechToText load() {
    long start = System.nanoTime();
    VoskSpeechToText model;
    try {
      model = VoskSpeechToText.load(VoskModelLocation.configured());
    } catch (IllegalStateException e) {
      LOG.log(Level.SEVERE, e.getMessage(), e);
      throw e;
    } catch (NoClassDefFoundError e) {
      IllegalStateException missing =
          new IllegalStateException(
              "Vosk speech-to-text: the Vosk library is not on the class path ("
                  + e.getMessage()
                  + "); add com.alphacephei:vosk:0.3.45 (with its net.java.dev.jna:jna) to the"
                  + " application's WEB-INF/lib",
              e);
      LOG.log(Level.SEVERE, missing.getMessage(), e);
      throw missing;
    }
    LOG.info(
        () ->
            String.format(
                "Vosk speech-to-text: model %s loaded in %d ms",
                model.directory().toAbsolutePath(), (System.nanoTime() - start) / 1_000_000));
    return model;
  }
}
