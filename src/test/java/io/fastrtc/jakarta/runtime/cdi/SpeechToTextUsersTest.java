package io.fastrtc.jakarta.runtime.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import io.fastrtc.jakarta.api.speech.SpeechToText;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Provider;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * When a deployment fails for its speech-to-text: only when a deployed bean uses it, with the
 * engine's problem or the {@code none} setting named in the message.
 */
class SpeechToTextUsersTest {
  private static final String MISSING = "Vosk speech-to-text: fastrtc.speech.vosk.model=/nope";

  static final class Stream {}

  static final class SwitchedOff {}

  static final class Probe {}

  private final AtomicInteger asked = new AtomicInteger();
  private final Supplier<Optional<String>> missingModel =
      () -> {
        asked.incrementAndGet();
        return Optional.of(MISSING);
      };

  @Test
  void aDeployedStreamThatUsesSpeechToTextFailsWithTheEnginesProblem() {
    SpeechToTextUsers users = new SpeechToTextUsers();
    users.add(Stream.class, true);

    List<String> problems = users.problems("vosk", c -> true, missingModel);

    assertThat(problems)
        .singleElement()
        .asString()
        .contains(Stream.class.getName())
        .contains("fastrtc.speech.stt=vosk")
        .contains(MISSING)
        .endsWith("fastrtc.stream.<name>.enabled=false");
  }

  @Test
  void anApplicationThatUsesNoSpeechToTextDeploysWithoutAskingTheEngine() {
    SpeechToTextUsers users = new SpeechToTextUsers();
    users.add(SwitchedOff.class, false);

    assertThat(users.problems("vosk", c -> c != SwitchedOff.class, missingModel)).isEmpty();
    assertThat(new SpeechToTextUsers().problems("vosk", c -> true, missingModel)).isEmpty();
    assertThat(asked).hasValue(0);
  }

  @Test
  void aGoodEngineDeploys() {
    SpeechToTextUsers users = new SpeechToTextUsers();
    users.add(Probe.class, false);

    assertThat(users.problems("vosk", c -> true, Optional::empty)).isEmpty();
  }

  @Test
  void noneFailsABeanThatNeedsSpeechToTextButNotOneThatMayGoWithout() {
    SpeechToTextUsers optional = new SpeechToTextUsers();
    optional.add(Stream.class, true);
    SpeechToTextUsers needing = new SpeechToTextUsers();
    needing.add(Stream.class, true);
    needing.add(Probe.class, false);

    assertThat(optional.problems("none", c -> true, missingModel)).isEmpty();
    assertThat(needing.problems("none", c -> true, missingModel))
        .singleElement()
        .asString()
        .startsWith("fastrtc.speech.stt=none, but [" + Probe.class.getName() + "]")
        .contains("fastrtc.speech.stt=vosk")
        .contains("SpeechToText bean of the application's own");
    assertThat(asked).hasValue(0);
  }

  SpeechToText direct;
  Instance<SpeechToText> instance;
  Provider<SpeechToText> provider;
  Instance<Object> other;

  @Test
  void theUsesAreTheTypeItselfOrAnInstanceOrProviderOfIt() throws Exception {
    assertThat(SpeechToTextChoice.use(type("direct"))).contains(false);
    assertThat(SpeechToTextChoice.use(type("instance"))).contains(true);
    assertThat(SpeechToTextChoice.use(type("provider"))).contains(true);
    assertThat(SpeechToTextChoice.use(type("other"))).isEmpty();
    assertThat(SpeechToTextChoice.use(String.class)).isEmpty();
  }

  private static java.lang.reflect.Type type(String field) throws NoSuchFieldException {
    return SpeechToTextUsersTest.class.getDeclaredField(field).getGenericType();
  }
}
