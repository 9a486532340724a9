package io.fastrtc.jakarta.runtime.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fastrtc.jakarta.api.StreamGroup;
import io.fastrtc.jakarta.demo.ToneStream;
import io.fastrtc.jakarta.runtime.config.Settings;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The configuration switches of streams: one stream by name, and a {@link StreamGroup}. */
class StreamSwitchTest {

  @StreamGroup("samples")
  static class InAGroupOnByDefault {}

  @StreamGroup(value = "extras", enabledByDefault = false)
  static class InAnOptInGroup {}

  @StreamGroup("Bad Name")
  static class InABadGroup {}

  private static Settings config(Map<String, ?> values) {
    Map<String, String> text = new java.util.HashMap<>();
    values.forEach((key, value) -> text.put(key, String.valueOf(value)));
    return Settings.from(text);
  }

  @Test
  void demoStreamsAreOffUnlessTheDemoSwitchIsOn() {
    assertThat(StreamSwitch.enabled(ToneStream.class, "tone", config(Map.of()))).isFalse();
    assertThat(
            StreamSwitch.enabled(
                ToneStream.class, "tone", config(Map.of("fastrtc.demo.enabled", true))))
        .isTrue();
  }

  @Test
  void anyStreamCanBeSwitchedOffOrOnByName() {
    assertThat(StreamSwitch.enabled(StreamSwitchTest.class, "mine", config(Map.of()))).isTrue();
    assertThat(
            StreamSwitch.enabled(
                StreamSwitchTest.class,
                "mine",
                config(Map.of("fastrtc.stream.mine.enabled", false))))
        .isFalse();
    assertThat(
            StreamSwitch.enabled(
                ToneStream.class, "tone", config(Map.of("fastrtc.stream.tone.enabled", true))))
        .isTrue();
  }

  @Test
  void theDemoPackageDeclaresItsGroupInsteadOfTheRuntimeNamingIt() {
    assertThat(StreamSwitch.group(ToneStream.class))
        .hasValueSatisfying(
            g -> {
              assertThat(g.value()).isEqualTo("demo");
              assertThat(g.enabledByDefault()).isFalse();
            });
    assertThat(StreamSwitch.group(StreamSwitchTest.class)).isEmpty();
  }

  @Test
  void aGroupFollowsItsKeyThenItsDefaultAndAStreamsOwnKeyWins() {
    assertThat(StreamSwitch.enabled(InAGroupOnByDefault.class, "a", config(Map.of()))).isTrue();
    assertThat(
            StreamSwitch.enabled(
                InAGroupOnByDefault.class, "a", config(Map.of("fastrtc.samples.enabled", false))))
        .isFalse();
    assertThat(StreamSwitch.enabled(InAnOptInGroup.class, "b", config(Map.of()))).isFalse();
    assertThat(
            StreamSwitch.enabled(
                InAnOptInGroup.class, "b", config(Map.of("fastrtc.extras.enabled", true))))
        .isTrue();
    assertThat(
            StreamSwitch.enabled(
                InAnOptInGroup.class,
                "b",
                config(Map.of("fastrtc.extras.enabled", true, "fastrtc.stream.b.enabled", false))))
        .isFalse();
  }

  @Test
  void aBadGroupNameFailsWithTheBean() {
    assertThatThrownBy(() -> StreamSwitch.enabled(InABadGroup.class, "c", config(Map.of())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("@StreamGroup name \"Bad Name\"")
        .hasMessageContaining(InABadGroup.class.getName());
  }

  @Test
  void settingsReadTheDocumentedKeys() {
    Settings s =
        config(
            Map.of(
                "fastrtc.stream.echo.concurrency-limit", 20,
                "fastrtc.stream.echo.time-limit", 300));
    assertThat(s.concurrencyLimit("echo", 1)).isEqualTo(20);
    assertThat(s.timeLimit("echo", 0)).isEqualTo(300);
    assertThat(s.concurrencyLimit("other", 1)).isEqualTo(1);
  }
}
