package io.fastrtc.jakarta.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SettingsTest {

  @Test
  void nothingSetMeansEveryDefault() {
    Settings settings = Settings.defaults();

    assertThat(settings.groupEnabled("demo")).isEmpty();
    assertThat(settings.streamEnabled("echo")).isEmpty();
    assertThat(settings.concurrencyLimit("echo", 3)).isEqualTo(3);
    assertThat(settings.timeLimit("echo", 7)).isEqualTo(7);
    assertThat(settings.ice()).isEqualTo(IceSettings.none());
    assertThat(settings.telephonePublicUrl()).isEmpty();
    assertThat(settings.clientRtc().resolve(java.time.Instant.EPOCH))
        .isEqualTo(Map.of("iceServers", List.of()));
  }

  @Test
  void perStreamKeysAreReadByName() {
    Settings settings =
        Settings.from(
            Map.of(
                "fastrtc.stream.echo.enabled", "false",
                "fastrtc.stream.tone.enabled", "on",
                "fastrtc.stream.echo.concurrency-limit", " 20 ",
                "fastrtc.stream.echo.time-limit", "300",
                "fastrtc.demo.enabled", "TRUE"));

    assertThat(settings.streamEnabled("echo")).contains(false);
    assertThat(settings.streamEnabled("tone")).contains(true);
    assertThat(settings.concurrencyLimit("echo", 1)).isEqualTo(20);
    assertThat(settings.timeLimit("echo", 0)).isEqualTo(300);
    assertThat(settings.concurrencyLimit("tone", 1)).isEqualTo(1);
    assertThat(settings.groupEnabled("demo")).contains(true);
  }

  @Test
  void serverIceSettingsAreParsed() {
    Settings settings =
        Settings.from(
            Map.of(
                "fastrtc.ice.servers", " turn:a.example:3478, ,stun:b.example ",
                "fastrtc.ice.username", "u",
                "fastrtc.ice.credential", "c",
                "fastrtc.ice.port-min", "40000",
                "fastrtc.ice.port-max", "40999"));

    assertThat(settings.ice())
        .isEqualTo(
            new IceSettings(
                List.of("turn:a.example:3478", "stun:b.example"), "u", "c", 40000, 40999));
  }

  @Test
  void invalidValuesNameTheKeyAndTheValueWhereTheyAreUsed() {
    Settings settings =
        Settings.from(
            Map.of(
                "fastrtc.ice.port-min", "low",
                "fastrtc.client.ice.transport-policy", "none",
                "fastrtc.stream.echo.time-limit", "long"));

    assertThatThrownBy(settings::ice)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("fastrtc.ice.port-min must be an integer: low");
    assertThatThrownBy(settings::clientRtc)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("fastrtc.client.ice.transport-policy must be all or relay, not none");
    assertThatThrownBy(() -> settings.timeLimit("echo", 0))
        .hasMessage("fastrtc.stream.echo.time-limit must be an integer: long");
    assertThat(settings.concurrencyLimit("echo", 2)).isEqualTo(2);
  }

  @Test
  void aBadPortRangeFailsTheServerIceSettings() {
    Settings settings =
        Settings.from(Map.of("fastrtc.ice.port-min", "5000", "fastrtc.ice.port-max", "4000"));

    assertThatThrownBy(settings::ice)
        .hasMessage("fastrtc.ice.port-min must not be above fastrtc.ice.port-max: 5000 > 4000");
  }

  @Test
  void everyKeyIsDeclaredOnceAndPerStreamAndPerGroupKeysArePatterns() {
    List<String> names = ConfigKey.all().stream().map(ConfigKey::name).toList();

    assertThat(names).doesNotHaveDuplicates().allMatch(n -> n.startsWith("fastrtc."));
    assertThat(ConfigKey.all().stream().filter(ConfigKey::isPattern).map(ConfigKey::name))
        .containsExactly(
            "fastrtc.<group>.enabled",
            "fastrtc.stream.<name>.enabled",
            "fastrtc.stream.<name>.concurrency-limit",
            "fastrtc.stream.<name>.time-limit",
            "fastrtc.stream.<name>.roles");
    assertThat(ConfigKey.STREAM_ENABLED.forStream("echo")).isEqualTo("fastrtc.stream.echo.enabled");
    assertThatThrownBy(() -> ConfigKey.DEMO_ENABLED.forStream("echo"))
        .isInstanceOf(IllegalStateException.class);
    assertThat(ConfigKey.GROUP_ENABLED.forGroup("demo")).isEqualTo(ConfigKey.DEMO_ENABLED.name());
    assertThatThrownBy(() -> ConfigKey.STREAM_ENABLED.forGroup("demo"))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aSourceFunctionIsAskedForKeysByName() {
    Settings settings =
        Settings.from(
            key ->
                key.equals("fastrtc.telephone.public-url")
                    ? Optional.of("https://voice.example.com")
                    : Optional.empty());

    assertThat(settings.telephonePublicUrl()).contains("https://voice.example.com");
  }

  @Test
  void bundledPagesAreOnAtFastrtcUnlessConfigured() {
    assertThat(Settings.defaults().uiEnabled()).isTrue();
    assertThat(Settings.defaults().uiPath()).isEqualTo("/fastrtc");

    Settings moved =
        Settings.from(Map.of("fastrtc.ui.path", "/tools/rtc/", "fastrtc.ui.enabled", "no"));

    assertThat(moved.uiPath()).isEqualTo("/tools/rtc");
    assertThat(moved.uiEnabled()).isFalse();
  }

  @Test
  void aUiPathThatIsNotAFolderBelowTheRootIsRefusedWithTheKey() {
    for (String bad : new String[] {"/", "", "fastrtc", "/a/../b", "/a b", "/x/*"}) {
      Settings settings = Settings.from(Map.of("fastrtc.ui.path", bad));

      assertThatThrownBy(settings::uiPath)
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("fastrtc.ui.path");
    }
  }

  @Test
  void theSpeechEngineIsFreeTtsUnlessConfiguredAndMustBeKnown() {
    assertThat(Settings.defaults().speechTts()).isEqualTo("freetts");
    assertThat(Settings.from(Map.of("fastrtc.speech.tts", " Flite ")).speechTts())
        .isEqualTo("flite");

    Settings bad = Settings.from(Map.of("fastrtc.speech.tts", "espeak"));
    assertThatThrownBy(bad::speechTts)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("fastrtc.speech.tts")
        .hasMessageContaining("espeak");
  }
}
