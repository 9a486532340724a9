package io.fastrtc.jakarta.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Fuzzing configuration values: whatever an operator writes for a key, {@link Settings} either
 * returns a valid value or refuses it with an {@link IllegalArgumentException} naming the key, and
 * never reads a typo as a default.
 */
class SettingsProperties {
  private static final Map<String, Function<Settings, Object>> READERS =
      Map.ofEntries(
          Map.entry(ConfigKey.GROUP_ENABLED.forGroup("demo"), s -> s.groupEnabled("demo")),
          Map.entry(ConfigKey.STREAM_ENABLED.forStream("echo"), s -> s.streamEnabled("echo")),
          Map.entry(
              ConfigKey.STREAM_CONCURRENCY_LIMIT.forStream("echo"),
              s -> s.concurrencyLimit("echo", 1)),
          Map.entry(ConfigKey.STREAM_TIME_LIMIT.forStream("echo"), s -> s.timeLimit("echo", 0)),
          Map.entry(ConfigKey.ICE_PORT_MIN.name(), Settings::ice),
          Map.entry(ConfigKey.ICE_PORT_MAX.name(), Settings::ice),
          Map.entry(ConfigKey.UI_ENABLED.name(), Settings::uiEnabled),
          Map.entry(ConfigKey.UI_PATH.name(), Settings::uiPath),
          Map.entry(ConfigKey.CLIENT_ICE_SERVERS.name(), Settings::clientRtc),
          Map.entry(ConfigKey.CLIENT_ICE_TURN_TTL.name(), Settings::clientRtc),
          Map.entry(ConfigKey.CLIENT_ICE_TRANSPORT_POLICY.name(), Settings::clientRtc),
          Map.entry(
              ConfigKey.SOCKET_MAX_MESSAGES_PER_SECOND.name(),
              Settings::socketMaxMessagesPerSecond),
          Map.entry(
              ConfigKey.SOCKET_MAX_CHARS_PER_SECOND.name(), Settings::socketMaxCharsPerSecond),
          Map.entry(ConfigKey.SOCKET_MAX_MESSAGE_CHARS.name(), Settings::socketMaxMessageChars));

  @Property(tries = 1000)
  void everyValueIsReadOrRefusedNamingTheKey(
      @ForAll("keys") String key, @ForAll("values") String value) {
    Settings settings = Settings.from(Map.of(key, value));
    try {
      assertThat(READERS.get(key).apply(settings)).isNotNull();
    } catch (IllegalArgumentException e) {
      assertThat(e.getMessage()).contains(key);
    }
  }

  @Property(tries = 300)
  void aBooleanIsOneOfTheWordsOrRefused(@ForAll("values") String value) {
    String key = ConfigKey.UI_ENABLED.name();
    Settings settings = Settings.from(Map.of(key, value));
    String word = value.trim().toLowerCase(java.util.Locale.ROOT);
    boolean known = java.util.List.of("true", "1", "yes", "y", "on").contains(word);
    boolean knownFalse = java.util.List.of("false", "0", "no", "n", "off").contains(word);
    if (known || knownFalse) {
      assertThat(settings.uiEnabled()).isEqualTo(known);
    } else {
      org.assertj.core.api.Assertions.assertThatThrownBy(settings::uiEnabled)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(key);
    }
  }

  @Property(tries = 300)
  void theSocketRatesAreWithinTheirRangeOrRefused(@ForAll("values") String value) {
    String key = ConfigKey.SOCKET_MAX_MESSAGES_PER_SECOND.name();
    try {
      assertThat(Settings.from(Map.of(key, value)).socketMaxMessagesPerSecond())
          .isBetween(1, 100_000);
    } catch (IllegalArgumentException e) {
      assertThat(e.getMessage()).startsWith(key);
    }
  }

  @Provide
  Arbitrary<String> keys() {
    return Arbitraries.of(READERS.keySet());
  }

  @Provide
  Arbitrary<String> values() {
    return Arbitraries.oneOf(
        Arbitraries.of(
            "",
            " ",
            "true",
            "TRUE ",
            "false",
            "on",
            "off",
            "yes",
            "no",
            "1",
            "0",
            "-1",
            "banana",
            "200",
            "100001",
            "2147483648",
            "65535",
            "65536",
            "/fastrtc",
            "/",
            "relay",
            "all",
            "stun:stun.example.com",
            "turn:x:3478,stuns:y",
            "1e3",
            "0x10",
            " 7 ",
            "86400"),
        Arbitraries.integers().map(String::valueOf),
        Arbitraries.strings().ofMaxLength(20));
  }
}
