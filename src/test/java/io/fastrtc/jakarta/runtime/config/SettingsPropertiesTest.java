package io.fastrtc.jakarta.runtime.config;

import static io.fastrtc.jakarta.testing.Generated.forAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fastrtc.jakarta.testing.Gen;
import io.fastrtc.jakarta.testing.Generated;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Fuzzing configuration values: whatever an operator writes for a key, {@link Settings} either
 * returns a valid value or refuses it with an {@link IllegalArgumentException} naming the key, and
 * never reads a typo as a default. Plain JUnit property tests over seeded generators ({@link
 * Generated}).
 */
class SettingsPropertiesTest {
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

  private static final Gen<String> KEYS = Generated.of(READERS.keySet().stream().sorted().toList());

  private static final Gen<String> VALUES =
      Generated.oneOf(
          Generated.of(
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
          Generated.ints().map(String::valueOf),
          Generated.strings(20));

  record Entry(String key, String value) {}

  @Test
  void everyValueIsReadOrRefusedNamingTheKey() {
    forAll(
        1000,
        r -> new Entry(KEYS.next(r), VALUES.next(r)),
        e -> {
          Settings settings = Settings.from(Map.of(e.key(), e.value()));
          try {
            assertThat(READERS.get(e.key()).apply(settings)).isNotNull();
          } catch (IllegalArgumentException refused) {
            assertThat(refused.getMessage()).contains(e.key());
          }
        });
  }

  @Test
  void aBooleanIsOneOfTheWordsOrRefused() {
    String key = ConfigKey.UI_ENABLED.name();
    forAll(
        300,
        VALUES,
        value -> {
          Settings settings = Settings.from(Map.of(key, value));
          String word = value.trim().toLowerCase(Locale.ROOT);
          boolean known = List.of("true", "1", "yes", "y", "on").contains(word);
          boolean knownFalse = List.of("false", "0", "no", "n", "off").contains(word);
          if (known || knownFalse) {
            assertThat(settings.uiEnabled()).isEqualTo(known);
          } else {
            assertThatThrownBy(settings::uiEnabled)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(key);
          }
        });
  }

  @Test
  void theSocketRatesAreWithinTheirRangeOrRefused() {
    String key = ConfigKey.SOCKET_MAX_MESSAGES_PER_SECOND.name();
    forAll(
        300,
        VALUES,
        value -> {
          try {
            assertThat(Settings.from(Map.of(key, value)).socketMaxMessagesPerSecond())
                .isBetween(1, 100_000);
          } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).startsWith(key);
          }
        });
  }
}
