package io.fastrtc.jakarta.runtime.config;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The browser's {@code RTCConfiguration} (FastRTC's client-side {@code rtc_configuration}), served
 * to the bundled page and custom frontends by {@code GET /api/rtc-configuration}.
 *
 * <p>Empty by default ({@code {"iceServers":[]}}): host candidates only, right on a LAN or
 * localhost. Behind NAT, list STUN/TURN servers with either a static TURN user name and credential,
 * or a shared secret from which short-lived credentials are made per request (the TURN REST scheme
 * that coturn's {@code use-auth-secret} and most managed TURN services accept: user name {@code
 * <expiry epoch seconds>:<user>}, credential base64 of HMAC-SHA1(secret, user name)).
 *
 * <p>Read from the {@code fastrtc.client.ice.*} keys of {@link ConfigKey} by {@link Settings}.
 */
public final class ClientRtcConfiguration {
  private static final String SERVERS = ConfigKey.CLIENT_ICE_SERVERS.name();
  private static final String TURN_TTL = ConfigKey.CLIENT_ICE_TURN_TTL.name();
  private static final String TRANSPORT_POLICY = ConfigKey.CLIENT_ICE_TRANSPORT_POLICY.name();

  private static final List<String> SCHEMES = List.of("stun:", "stuns:", "turn:", "turns:");

  private final List<String> urls;
  private final String username;
  private final String credential;
  private final String turnSecret;
  private final String turnUser;
  private final Duration turnTtl;
  private final String transportPolicy;

  private ClientRtcConfiguration(
      List<String> urls,
      String username,
      String credential,
      String turnSecret,
      String turnUser,
      Duration turnTtl,
      String transportPolicy) {
    this.urls = urls;
    this.username = username;
    this.credential = credential;
    this.turnSecret = turnSecret;
    this.turnUser = turnUser;
    this.turnTtl = turnTtl;
    this.transportPolicy = transportPolicy;
  }

  /** No ICE servers: what a local or LAN deployment needs. */
  public static ClientRtcConfiguration none() {
    return new ClientRtcConfiguration(List.of(), "", "", "", "fastrtc", Duration.ofDays(1), "all");
  }

  /**
   * Reads and validates the settings.
   *
   * @param settings looks a setting up by name
   * @throws IllegalArgumentException naming the setting when a value is invalid
   */
  static ClientRtcConfiguration from(Function<String, Optional<String>> settings) {
    List<String> urls = settings.apply(SERVERS).map(SettingValues::list).orElse(List.of());
    for (String url : urls) {
      if (SCHEMES.stream().noneMatch(url.toLowerCase(Locale.ROOT)::startsWith)) {
        throw new IllegalArgumentException(
            SERVERS + ": " + url + " is not a stun:, stuns:, turn: or turns: URL");
      }
    }
    String policy = settings.apply(TRANSPORT_POLICY).map(String::trim).orElse("all");
    if (!policy.equals("all") && !policy.equals("relay")) {
      throw new IllegalArgumentException(TRANSPORT_POLICY + " must be all or relay, not " + policy);
    }
    long ttl;
    String ttlText = settings.apply(TURN_TTL).map(String::trim).orElse("86400");
    try {
      ttl = Long.parseLong(ttlText);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(TURN_TTL + " must be a number of seconds: " + ttlText, e);
    }
    if (ttl <= 0) {
      throw new IllegalArgumentException(TURN_TTL + " must be positive: " + ttl);
    }
    return new ClientRtcConfiguration(
        urls,
        settings.apply(ConfigKey.CLIENT_ICE_USERNAME.name()).orElse(""),
        settings.apply(ConfigKey.CLIENT_ICE_CREDENTIAL.name()).orElse(""),
        settings.apply(ConfigKey.CLIENT_ICE_TURN_SECRET.name()).orElse(""),
        settings
            .apply(ConfigKey.CLIENT_ICE_TURN_USER.name())
            .filter(u -> !u.isBlank())
            .orElse("fastrtc"),
        Duration.ofSeconds(ttl),
        policy);
  }

  /**
   * The configuration as the JSON object {@code new RTCPeerConnection(...)} takes.
   *
   * @param now when ephemeral credentials are made (they expire {@code turn-ttl} later)
   * @return {@code {"iceServers":[{"urls":[...],"username":...,"credential":...}],
   *     "iceTransportPolicy":...}}; credentials only when set, the policy only when {@code relay}
   */
  public Map<String, Object> resolve(Instant now) {
    Map<String, Object> json = new LinkedHashMap<>();
    if (urls.isEmpty()) {
      json.put("iceServers", List.of());
    } else {
      Map<String, Object> server = new LinkedHashMap<>();
      server.put("urls", urls);
      if (!turnSecret.isEmpty()) {
        String user = now.plus(turnTtl).getEpochSecond() + ":" + turnUser;
        server.put("username", user);
        server.put("credential", turnRestCredential(turnSecret, user));
      } else if (!username.isEmpty() || !credential.isEmpty()) {
        server.put("username", username);
        server.put("credential", credential);
      }
      json.put("iceServers", List.of(server));
    }
    if (transportPolicy.equals("relay")) {
      json.put("iceTransportPolicy", "relay");
    }
    return json;
  }

  /**
   * The TURN REST credential for a user name: base64(HMAC-SHA1(secret, user name)).
   *
   * @param secret the secret shared with the TURN server
   * @param username {@code <expiry epoch seconds>:<user>}
   */
  static String turnRestCredential(String secret, String username) {
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
      return Base64.getEncoder()
          .encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA1 is not available in this JVM", e);
    }
  }
}
