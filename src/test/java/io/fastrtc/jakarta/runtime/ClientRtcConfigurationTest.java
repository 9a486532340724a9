package io.fastrtc.jakarta.runtime;

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
                ClientRtcConfiguration.SERVERS,
                " stun:stun.example.com:3478 , turn:turn.example.com:3478?transport=udp",
                ClientRtcConfiguration.USERNAME,
                "alice",
                ClientRtcConfiguration.CREDENTIAL,
                "pw",
                ClientRtcConfiguration.TRANSPORT_POLICY,
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
                ClientRtcConfiguration.SERVERS, "turns:turn.example.com:5349",
                ClientRtcConfiguration.USERNAME, "ignored",
                ClientRtcConfiguration.TURN_SECRET, "s3cr3t",
                ClientRtcConfiguration.TURN_TTL, "86400"))
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
    assertThatThrownBy(() -> with(Map.of(ClientRtcConfiguration.SERVERS, "http://turn.example")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(ClientRtcConfiguration.SERVERS)
        .hasMessageContaining("http://turn.example");
    assertThatThrownBy(() -> with(Map.of(ClientRtcConfiguration.TRANSPORT_POLICY, "none")))
        .hasMessageContaining(ClientRtcConfiguration.TRANSPORT_POLICY);
    assertThatThrownBy(() -> with(Map.of(ClientRtcConfiguration.TURN_TTL, "soon")))
        .hasMessageContaining(ClientRtcConfiguration.TURN_TTL);
    assertThatThrownBy(() -> with(Map.of(ClientRtcConfiguration.TURN_TTL, "0")))
        .hasMessageContaining(ClientRtcConfiguration.TURN_TTL);
  }
}
