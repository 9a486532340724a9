package io.fastrtc.jakarta.runtime.cdi;

import io.fastrtc.jakarta.runtime.config.ConfigKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The beans that use the unqualified {@code SpeechToText}, and what that means for a deployment
 * whose speech-to-text comes from {@code fastrtc.speech.stt}: with {@code none}, a bean that needs
 * one cannot be deployed; with an engine, the engine's check must pass. Pure: {@link
 * SpeechToTextChoice} feeds it from CDI's events.
 */
final class SpeechToTextUsers {
  /** One injection point: the bean class that has it, and whether it may go without. */
  record Use(Class<?> beanClass, boolean optional) {}

  /** How a deployment goes on without a stream it cannot serve; every problem ends with it. */
  static final String SWITCH_OFF =
      ". A stream that should not run on this server can be switched off instead:"
          + " fastrtc.stream.<name>.enabled=false";

  private final List<Use> uses = new ArrayList<>();

  /**
   * Records one injection point of {@code SpeechToText} ({@code optional}: an {@code Instance}).
   */
  synchronized void add(Class<?> beanClass, boolean optional) {
    uses.add(new Use(beanClass, optional));
  }

  /**
   * What fails the deployment.
   *
   * @param choice the value of {@code fastrtc.speech.stt}: an engine's name, or {@code none}
   * @param deployed whether a bean class is deployed (a stream switched off by configuration is
   *     not)
   * @param engineProblem the chosen engine's problem, asked only when a deployed bean uses it
   * @return the problems, each a whole message; empty when the deployment may go on
   */
  synchronized List<String> problems(
      String choice, Predicate<Class<?>> deployed, Supplier<Optional<String>> engineProblem) {
    Set<String> needing = new TreeSet<>();
    Set<String> using = new TreeSet<>();
    for (Use use : uses) {
      if (deployed.test(use.beanClass())) {
        using.add(use.beanClass().getName());
        if (!use.optional()) {
          needing.add(use.beanClass().getName());
        }
      }
    }
    String key = ConfigKey.SPEECH_STT.name();
    if ("none".equals(choice)) {
      if (needing.isEmpty()) {
        return List.of();
      }
      return List.of(
          key
              + "=none, but "
              + needing
              + " inject SpeechToText: set "
              + key
              + "=vosk (and its model, fastrtc.speech.vosk.model) or declare a SpeechToText bean"
              + " of the application's own"
              + SWITCH_OFF);
    }
    if (using.isEmpty()) {
      return List.of();
    }
    return engineProblem
        .get()
        .map(p -> using + " use speech-to-text (" + key + "=" + choice + "), but " + p + SWITCH_OFF)
        .map(List::of)
        .orElse(List.of());
  }
}
