package io.fastrtc.jakarta.api.speech;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.inject.Qualifier;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Names one speech engine among several on the server, for example {@code @SpeechEngine("flite")
 * TextToSpeech}. The built-in engines are produced with this qualifier, and the runtime produces
 * the unqualified {@link TextToSpeech} from the one that configuration names ({@code
 * fastrtc.speech.tts}). An application that declares its own {@code @Alternative @Priority(...)}
 * bean of the interface type replaces that choice altogether.
 */
@Qualifier
@Documented
@Retention(RUNTIME)
@Target({TYPE, METHOD, FIELD, PARAMETER})
public @interface SpeechEngine {

  /**
   * The engine's name as configuration spells it.
   *
   * @return for example {@code freetts} or {@code flite}
   */
  String value();
}
