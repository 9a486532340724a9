package io.fastrtc.jakarta.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TimeoutSettingsTest {
  private static final Duration DEFAULT = Duration.ofSeconds(30);

  @Test
  void unsetTimeoutsKeepTheDefault() {
    Settings settings = Settings.defaults();

    assertThat(settings.hangTimeout(DEFAULT)).isEqualTo(DEFAULT);
    assertThat(settings.idleTimeout(DEFAULT)).isEqualTo(DEFAULT);
  }

  @Test
  void timeoutsAreWholeSecondsAndZeroSwitchesThemOff() {
    Settings settings =
        Settings.from(
            Map.of("fastrtc.handler.hang-timeout", " 2 ", "fastrtc.connection.idle-timeout", "0"));

    assertThat(settings.hangTimeout(DEFAULT)).isEqualTo(Duration.ofSeconds(2));
    assertThat(settings.idleTimeout(DEFAULT)).isZero();
  }

  @Test
  void negativeOrNonNumericTimeoutsNameTheKey() {
    assertThatThrownBy(
            () -> Settings.from(Map.of("fastrtc.handler.hang-timeout", "-1")).hangTimeout(DEFAULT))
        .hasMessageContaining("fastrtc.handler.hang-timeout");
    assertThatThrownBy(
            () ->
                Settings.from(Map.of("fastrtc.connection.idle-timeout", "soon"))
                    .idleTimeout(DEFAULT))
        .hasMessageContaining("fastrtc.connection.idle-timeout");
  }
}
