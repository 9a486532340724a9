package io.fastrtc.jakarta.runtime.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import io.fastrtc.jakarta.demo.ToneStream;
import io.fastrtc.jakarta.runtime.config.Settings;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StreamDiscoveryTest {

  private static Settings config(Map<String, Boolean> values) {
    Map<String, String> text = new HashMap<>();
    values.forEach((k, v) -> text.put(k, v.toString()));
    return Settings.from(text);
  }

  @Test
  void demoStreamsAreOffUnlessTheDemoSwitchIsOn() {
    assertThat(StreamDiscovery.enabled(ToneStream.class, "tone", config(Map.of()))).isFalse();
    assertThat(
            StreamDiscovery.enabled(
                ToneStream.class, "tone", config(Map.of("fastrtc.demo.enabled", true))))
        .isTrue();
  }

  @Test
  void anyStreamCanBeSwitchedOffOrOnByName() {
    assertThat(StreamDiscovery.enabled(StreamDiscoveryTest.class, "mine", config(Map.of())))
        .isTrue();
    assertThat(
            StreamDiscovery.enabled(
                StreamDiscoveryTest.class,
                "mine",
                config(Map.of("fastrtc.stream.mine.enabled", false))))
        .isFalse();
    assertThat(
            StreamDiscovery.enabled(
                ToneStream.class, "tone", config(Map.of("fastrtc.stream.tone.enabled", true))))
        .isTrue();
  }
}
