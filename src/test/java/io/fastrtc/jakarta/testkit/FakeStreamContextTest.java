package io.fastrtc.jakarta.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fastrtc.jakarta.api.Input;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FakeStreamContextTest {
  enum Speed {
    SLOW,
    FAST
  }

  record Settings(
      @Input(defaultValue = "660") int frequency,
      @Input(defaultValue = "0.3") double gain,
      @Input(defaultValue = "FAST") Speed speed,
      String label) {}

  private final FakeStreamContext context = new FakeStreamContext();

  @Test
  void recordsEveryMessageInOrder() {
    context.send("raw text");
    context.send("log", "hello");
    context.warn("careful");

    assertThat(context.messages())
        .containsExactly(
            new SentMessage(SentMessage.RAW, "raw text"),
            new SentMessage("log", "hello"),
            new SentMessage("warning", "careful"));
    assertThat(context.awaitMessage(Duration.ofSeconds(1)).data()).isEqualTo("raw text");
    assertThat(context.awaitMessage(Duration.ofSeconds(1)).type()).isEqualTo("log");
  }

  @Test
  void awaitMessageFailsWhenNothingComesInTime() {
    assertThatThrownBy(() -> context.awaitMessage(Duration.ofMillis(20)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("no message within PT0.02S");
  }

  @Test
  void inputsHoldTheirDeclaredDefaultsUntilSet() {
    assertThat(context.inputs(Settings.class)).isEqualTo(new Settings(660, 0.3, Speed.FAST, ""));
    assertThat(context.latestInputs())
        .containsEntry("frequency", 660)
        .containsEntry("speed", Speed.FAST);

    context.setInputs(new Settings(880, 0.5, Speed.SLOW, "x"));

    assertThat(context.inputs(Settings.class).frequency()).isEqualTo(880);
    assertThatThrownBy(() -> context.inputs(OtherInputs.class))
        .isInstanceOf(IllegalArgumentException.class);
  }

  record OtherInputs(int value) {}

  @Test
  void untypedInputsAreAMap() {
    assertThat(context.latestInputs()).isEmpty();
    context.setInputs(Map.of("word", "hi"));
    assertThat(context.latestInputs()).isEqualTo(Map.of("word", "hi"));
  }

  @Test
  void waitForInputsAsksAndReturnsWhenTheTestSetsThem() throws Exception {
    CompletableFuture<Boolean> waited =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return context.waitForInputs(Duration.ofSeconds(5));
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });
    assertThat(context.awaitMessage(Duration.ofSeconds(5)))
        .isEqualTo(new SentMessage("send_input", List.of()));

    context.setInputs(Map.of("word", "go"));

    assertThat(waited.get(5, TimeUnit.SECONDS)).isTrue();
    assertThat(context.waitForInputs(Duration.ofMillis(10))).isFalse();
  }

  @Test
  void aPhoneCallNeverWaitsForInputs() throws Exception {
    context.setPhone(true);
    assertThat(context.waitForInputs(Duration.ofSeconds(5))).isFalse();
    assertThat(context.isPhone()).isTrue();
    assertThat(context.messages()).isEmpty();
  }

  @Test
  void flushAudioDropsWhatIsBufferedAndCounts() {
    context.setBufferedAudioMillis(250);
    assertThat(context.bufferedAudioMillis()).isEqualTo(250);
    assertThat(context.flushAudio()).isEqualTo(250);
    assertThat(context.bufferedAudioMillis()).isZero();
    assertThat(context.flushes()).isEqualTo(1);
    assertThat(context.isOpen()).isTrue();
    context.close();
    assertThat(context.isOpen()).isFalse();
  }
}
