package io.fastrtc.jakarta.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClientRtcConfigurationTest {
  private static final Instant NOW = Instant.ofEpochSecond(1_700_000_000L);

  private static ClientRtcConfiguration with(Map<String, String> settings) {
    return ClientRtcConfiguration.from(key -> Optional.ofNullable(settings.get(key)));
  }

  @Test
  void noSettingsMeansNoIceServers() {
    assertThat(with(Map.of()).resolve(NOW)).isEqualTo(Map.of("iceServers", List.of()));
    assertThat(ClientRtcConfiguration.none().resolve(NOW))
        .isEqualTo(Map.of("iceServers", List.of()));
  }

  @Test
  void staticTurnCredentialsAndRelayPolicy() {
    Map<String, Object> json =
        with(Map.of(
                ConfigKey.CLIENT_ICE_SERVERS.name(),
                " stun:stun.example.com:3478 , turn:turn.example.com:3478?transport=udp",
                ConfigKey.CLIENT_ICE_USERNAME.name(),
                "alice",
                ConfigKey.CLIENT_ICE_CREDENTIAL.name(),
                "pw",
                ConfigKey.CLIENT_ICE_TRANSPORT_POLICY.name(),
                "relay"))
            .resolve(NOW);
    assertThat(json)
        .containsExactly(
            Map.entry(
                "iceServers",
                List.of(
                    Map.of(
                        "urls",
                        List.of(
                            "stun:stun.example.com:3478",
                            "turn:turn.example.com:3478?transport=udp"),
                        "username",
                        "alice",
                        "credential",
                        "pw"))),
            Map.entry("iceTransportPolicy", "relay"));
  }

  @Test
  void sharedSecretMakesExpiringTurnRestCredentials() {
    Map<String, Object> json =
        with(Map.of(
                ConfigKey.CLIENT_ICE_SERVERS.name(), "turns:turn.example.com:5349",
                ConfigKey.CLIENT_ICE_USERNAME.name(), "ignored",
                ConfigKey.CLIENT_ICE_TURN_SECRET.name(), "s3cr3t",
                ConfigKey.CLIENT_ICE_TURN_TTL.name(), "86400"))
            .resolve(NOW);
    @SuppressWarnings("unchecked")
    Map<String, Object> server = ((List<Map<String, Object>>) json.get("iceServers")).get(0);
    assertThat(server.get("username")).isEqualTo("1700086400:fastrtc");
    // openssl: echo -n 1700086400:fastrtc | openssl dgst -sha1 -hmac s3cr3t -binary | base64
    assertThat(server.get("credential")).isEqualTo("Q16RFE2NlyLTZf9p4QUJzSX/Dzs=");
    assertThat(json).doesNotContainKey("iceTransportPolicy");
  }

  @Test
  void invalidSettingsAreNamed() {
    assertThatThrownBy(
            () -> with(Map.of(ConfigKey.CLIENT_ICE_SERVERS.name(), "http://turn.example")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(ConfigKey.CLIENT_ICE_SERVERS.name())
        .hasMessageContaining("http://turn.example");
    assertThatThrownBy(() -> with(Map.of(ConfigKey.CLIENT_ICE_TRANSPORT_POLICY.name(), "none")))
        .hasMessageContaining(ConfigKey.CLIENT_ICE_TRANSPORT_POLICY.name());
    assertThatThrownBy(() -> with(Map.of(ConfigKey.CLIENT_ICE_TURN_TTL.name(), "soon")))
        .hasMessageContaining(ConfigKey.CLIENT_ICE_TURN_TTL.name());
    assertThatThrownBy(() -> with(Map.of(ConfigKey.CLIENT_ICE_TURN_TTL.name(), "0")))
        .hasMessageContaining(ConfigKey.CLIENT_ICE_TURN_TTL.name());
  }
}
