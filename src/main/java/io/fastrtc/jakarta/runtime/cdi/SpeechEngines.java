package io.fastrtc.jakarta.runtime.cdi;

import io.fastrtc.jakarta.api.speech.SpeechEngineCheck;
import io.fastrtc.jakarta.api.speech.SpeechToText;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The speech-to-text engine beans ({@code @SpeechEngine(name) SpeechToText}) and their checks, as
 * CDI announced them while the application deployed. They are reached through their {@link Bean}s,
 * not by type-safe resolution, because an extension's bean manager need not see the application's
 * beans (on Payara it does not).
 */
final class SpeechEngines {
  private final Map<String, Bean<?>> engines = new ConcurrentHashMap<>();
  private final Map<String, List<Bean<?>>> checks = new ConcurrentHashMap<>();

  /** Records an engine's bean or one of its checks. */
  void record(String name, Bean<?> bean) {
    if (bean.getTypes().contains(SpeechToText.class)) {
      engines.put(name, bean);
    } else if (bean.getTypes().contains(SpeechEngineCheck.class)) {
      checks.computeIfAbsent(name, n -> new ArrayList<>()).add(bean);
    }
  }

  /** The engine named {@code name}, if the application has it. */
  Optional<SpeechToText> engine(BeanManager beans, String name) {
    Bean<?> bean = engines.get(name);
    if (bean == null) {
      return Optional.empty();
    }
    return Optional.of(
        (SpeechToText)
            beans.getReference(bean, SpeechToText.class, beans.createCreationalContext(bean)));
  }

  /** The engine's problem: no bean of that name, or what its checks report. */
  Optional<String> problem(BeanManager beans, String name) {
    if (!engines.containsKey(name)) {
      return Optional.of(missing(name));
    }
    for (Bean<?> bean : checks.getOrDefault(name, List.of())) {
      Optional<String> problem;
      try {
        SpeechEngineCheck check =
            (SpeechEngineCheck)
                beans.getReference(
                    bean, SpeechEngineCheck.class, beans.createCreationalContext(bean));
        problem = check.problem();
      } catch (RuntimeException | LinkageError e) {
        problem = Optional.of("its check failed: " + e);
      }
      if (problem.isPresent()) {
        return problem;
      }
    }
    return Optional.empty();
  }

  /** What an application without the engine bean must add. */
  static String missing(String name) {
    return "the application has no @SpeechEngine(\""
        + name
        + "\") SpeechToText bean: deploy the FastRTC jar with its speech engines"
        + " (io.fastrtc.jakarta.handlers.speech."
        + name
        + ") and their library"
        + ("vosk".equals(name) ? " (com.alphacephei:vosk:0.3.45 in WEB-INF/lib)" : "");
  }
}
