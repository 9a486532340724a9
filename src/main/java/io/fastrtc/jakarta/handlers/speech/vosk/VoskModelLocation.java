package io.fastrtc.jakarta.handlers.speech.vosk;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Where the Vosk model is: the folder named by {@value #KEY}. Read from MicroProfile Config (a
 * system property, an environment variable {@code FASTRTC_SPEECH_VOSK_MODEL}, a server.xml variable
 * on Liberty, the application's {@code microprofile-config.properties}), or from system properties
 * alone where MicroProfile Config is unavailable. The key is declared with the others in {@code
 * runtime.config.ConfigKey}, for the documentation; handlers do not depend on the runtime, so it is
 * read here.
 */
final class VoskModelLocation {
  /** The configuration key of the model's folder. */
  static final String KEY = "fastrtc.speech.vosk.model";

  /** What a deployment without a model must add; every missing-model error ends with it. */
  static final String HOW_TO_ADD =
      "set "
          + KEY
          + " (system property, environment variable FASTRTC_SPEECH_VOSK_MODEL, server.xml"
          + " variable or microprofile-config.properties) to the folder of a Vosk model (the one"
          + " holding am/, conf/, graph/). For the small English model, add the Maven artifact"
          + " com.alphacephei:vosk-model-en:0.3.45 (type aar) and unzip its assets/model-en-us/"
          + " (unzip vosk-model-en-0.3.45.aar 'assets/model-en-us/*'; the FastRTC build puts it in"
          + " target/vosk/model-en-us), or put that folder in the server's shared resources"
          + " (wlp/usr/shared/resources/vosk/model-en-us) and point the key there. An application"
          + " that uses no speech-to-text may set fastrtc.speech.stt=none (docs/voice-agents.md)";

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

  /**
   * What is wrong with the configured model, without loading it: the key unset, the folder missing
   * or unreadable, or no {@code am/final.mdl} in it.
   *
   * @return empty when the folder looks like a readable Vosk model
   */
  static Optional<String> problem() {
    return problem(VoskModelLocation::lookup);
  }

  /** {@link #problem()} from any source of settings (tests). */
  static Optional<String> problem(Function<String, Optional<String>> settings) {
    Path folder;
    try {
      folder = from(settings);
    } catch (IllegalStateException e) {
      return Optional.of(e.getMessage());
    }
    String tried = "Vosk speech-to-text: " + KEY + "=" + folder + " (" + folder.toAbsolutePath();
    Path acoustic = folder.resolve("am").resolve("final.mdl");
    if (!Files.isDirectory(folder)) {
      return Optional.of(tried + ") is not a folder; " + HOW_TO_ADD);
    }
    if (!Files.isReadable(folder)) {
      return Optional.of(tried + ") cannot be read by the server; " + HOW_TO_ADD);
    }
    if (!Files.isRegularFile(acoustic)) {
      return Optional.of(
          tried + ") is not a Vosk model folder (no am/final.mdl in it); " + HOW_TO_ADD);
    }
    if (!Files.isReadable(acoustic)) {
      return Optional.of(tried + "): am/final.mdl cannot be read by the server; " + HOW_TO_ADD);
    }
    return Optional.empty();
  }

  private static Optional<String> lookup(String key) {
    try {
      return ConfigProvider.getConfig().getOptionalValue(key, String.class);
    } catch (RuntimeException | LinkageError e) {
      return Optional.ofNullable(System.getProperty(key));
    }
  }
}
