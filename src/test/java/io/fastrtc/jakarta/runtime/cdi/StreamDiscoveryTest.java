package io.fastrtc.jakarta.runtime.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import io.fastrtc.jakarta.demo.ToneStream;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class StreamDiscoveryTest {

  private static Function<String, Optional<Boolean>> config(Map<String, Boolean> values) {
    return key -> Optional.ofNullable(values.get(key));
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
