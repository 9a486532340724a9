package io.fastrtc.jakarta.api.speech;

import java.util.Optional;

/**
 * What a speech engine needs before it can load, checked while the application deploys. An engine
 * whose model or program comes from the server offers one as a bean with the engine's {@link
 * SpeechEngine} qualifier, for example {@code @Produces @SpeechEngine("vosk") SpeechEngineCheck}.
 * When configuration chooses that engine and a deployed stream uses it, the runtime asks the check
 * and fails the deployment with the problem it reports, instead of failing the first connection. A
 * check must be cheap: it looks (a file, a folder), it does not load the model.
 */
@FunctionalInterface
public interface SpeechEngineCheck {

  /**
   * Looks for what the engine needs.
   *
   * @return empty when the engine can load; otherwise what is wrong and what to add, naming the
   *     configuration key and what was tried
   */
  Optional<String> problem();
}
