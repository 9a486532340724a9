package io.fastrtc.jakarta.handlers.speech.vosk;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Where the Vosk model is: the folder named by {@value #KEY}. Read from MicroProfile Config (a
 * system property, an environment variable {@code FASTRTC_SPEECH_VOSK_MODEL}, a server.xml variable
 * on Liberty), or from system properties alone where MicroProfile Config is unavailable. The key is
 * declared with the others in {@code runtime.config.ConfigKey}, for the documentation; handlers do
 * not depend on the runtime, so it is read here.
 */
final class VoskModelLocation {
  /** The configuration key of the model's folder. */
  static final String KEY = "fastrtc.speech.vosk.model";

  /** What a deployment without a model must add; every missing-model error ends with it. */
  static final String HOW_TO_ADD =
      "set "
          + KEY
          + " (system property, environment variable FASTRTC_SPEECH_VOSK_MODEL or server.xml"
          + " variable) to the folder of a Vosk model: for the small English model, unzip"
          + " assets/model-en-us/ from the Maven artifact com.alphacephei:vosk-model-en:0.3.45"
          + " (type aar); the FastRTC build puts it in target/vosk/model-en-us"
          + " (docs/voice-agents.md)";

  private VoskModelLocation() {}

  /**
   * The configured folder.
   *
   * @throws IllegalStateException saying what to add when {@value #KEY} is not set
   */
  static Path configured() {
    return from(VoskModelLocation::lookup);
  }

  /** The folder from any source of settings (tests). */
  static Path from(Function<String, Optional<String>> settings) {
    String value = settings.apply(KEY).map(String::trim).orElse("");
    if (value.isEmpty()) {
      throw new IllegalStateException("Vosk speech-to-text: no model configured; " + HOW_TO_ADD);
    }
    return Path.of(value);
  }

  private static Optional<String> lookup(String key) {
    try {
      return ConfigProvider.getConfig().getOptionalValue(key, String.class);
    } catch (RuntimeException | LinkageError e) {
      return Optional.ofNullable(System.getProperty(key));
    }
  }
}
