package io.fastrtc.jakarta.it.sso;

import static io.fastrtc.jakarta.it.sso.SsoServers.get;
import static io.fastrtc.jakarta.it.sso.SsoServers.json;
import static io.fastrtc.jakarta.it.sso.SsoServers.post;
import static io.fastrtc.jakarta.it.sso.SsoServers.send;
import static io.fastrtc.jakarta.it.sso.SsoServers.token;
import static io.fastrtc.jakarta.it.sso.SsoServers.upgradeStatus;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every route of the secured application needs a user: no credentials, a tampered token, a token of
 * another issuer and an expired one get 401; pages go to the provider's login; stream roles and the
 * operator role give 403; the stream list shows each user only their streams.
 */
class SecuredRoutesIT {

  @BeforeAll
  static void servers() throws Exception {
    SsoServers.awaitApplication();
  }

  @Test
  void everyRouteWithoutCredentialsIs401() throws Exception {
    for (String path :
        List.of(
            "api/streams",
            "api/me",
            "api/status",
            "api/rtc-configuration",
            "outputs?webrtc_id=x",
            "streams/level-meter/outputs?webrtc_id=x")) {
      HttpResponse<String> r = get(path, null);
      assertThat(r.statusCode()).as("GET " + path).isEqualTo(401);
      assertThat(json(r.body()).getJsonObject("meta").getString("error"))
          .isEqualTo("unauthenticated");
      assertThat(r.headers().firstValue("WWW-Authenticate"))
          .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    }
    String candidate =
        "{\"webrtc_id\":\"x\",\"candidate\":{\"candidate\":\"c\"},\"type\":\"ice-candidate\"}";
    for (String path :
        List.of(
            "api/status/reset",
            "webrtc/offer",
            "streams/echo/webrtc/offer",
            "input_hook",
            "streams/level-meter/input_hook")) {
      assertThat(post(path, null, candidate).statusCode()).as("POST " + path).isEqualTo(401);
    }
    assertThat(upgradeStatus("websocket/offer", Map.of())).as("WS /websocket/offer").isEqualTo(401);
    assertThat(upgradeStatus("streams/echo/websocket/offer", Map.of())).isEqualTo(401);
  }

  @Test
  void pagesSendTheBrowserToTheProvidersLogin() throws Exception {
    for (String page : List.of("", "index.html", "stream.html?name=echo", "js/index-page.js")) {
      HttpResponse<String> r =
          send(SsoServers.request(page, null, Map.of("Accept", "text/html")).GET().build());
      // Liberty's OpenID Connect client redirects with a small script page (or a 302).
      String target =
          r.statusCode() == 302 ? r.headers().firstValue("Location").orElse("") : r.body();
      assertThat(target).as("/" + page).contains(SsoServers.OP + "authorize");
      assertThat(r.body()).as("/" + page).doesNotContain("FastRTC");
    }
  }

  @Test
  void badTokensAre401() throws Exception {
    String alice = token("alice");
    String[] parts = alice.split("\\.");
    String payload = new String(Base64.getUrlDecoder().decode(parts[1]), "UTF-8");
    String forged =
        parts[0]
            + "."
            + Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(payload.replace("alice", "olivia").getBytes("UTF-8"))
            + "."
            + parts[2];
    assertThat(get("api/streams", alice).statusCode()).as("alice's own token").isEqualTo(200);
    jakarta.json.JsonObject me = SsoServers.json(get("api/me", alice).body());
    System.out.println("api/me for alice: " + me);
    assertThat(me.getString("security")).isEqualTo("sso");
    assertThat(me.getString("user")).isEqualTo("alice");
    assertThat(me.getJsonArray("groups").toString()).contains("\"user\"");
    assertThat(get("api/streams", forged).statusCode()).as("tampered token").isEqualTo(401);
    assertThat(get("api/streams", "not-a-jwt").statusCode()).as("garbage").isEqualTo(401);

    String other = token(SsoServers.OTHER_OP, "alice");
    assertThat(payload(other)).contains("/oidc/endpoint/Other");
    assertThat(get("api/streams", other).statusCode()).as("token of another issuer").isEqualTo(401);
  }

  @Test
  void anExpiredTokenIs401() throws Exception {
    String alice = token("alice");
    assertThat(get("api/streams", alice).statusCode()).isEqualTo(200);
    // The provider's tokens live 15 s; the application allows 1 s of clock skew.
    Thread.sleep(17_500);
    assertThat(get("api/streams", alice).statusCode()).as("expired token").isEqualTo(401);
  }

  @Test
  void theStreamListAndTheOffersFollowTheStreamsRoles() throws Exception {
    assertThat(names(get("api/streams", token("alice")))).contains("echo", "level-meter");
    assertThat(names(get("api/streams", token("bob"))))
        .contains("level-meter")
        .doesNotContain("echo");

    String offer = "{\"webrtc_id\":\"bob-1\",\"sdp\":\"v=0\",\"type\":\"offer\"}";
    for (String path : List.of("webrtc/offer", "streams/echo/webrtc/offer")) {
      HttpResponse<String> r = post(path, token("bob"), offer);
      assertThat(r.statusCode()).as("bob's offer to echo at " + path).isEqualTo(403);
      assertThat(json(r.body()).getJsonObject("meta").getString("error")).isEqualTo("forbidden");
    }
  }

  @Test
  void onlyOperatorsResetTheCounters() throws Exception {
    assertThat(post("api/status/reset", token("alice"), "").statusCode()).isEqualTo(403);
    assertThat(post("api/status/reset", token("bob"), "").statusCode()).isEqualTo(403);
    assertThat(post("api/status/reset", token("olivia"), "").statusCode()).isEqualTo(200);
    assertThat(get("api/status", token("alice")).statusCode()).isEqualTo(200);
  }

  @Test
  void crossOriginPagesAreRefusedUnlessConfigured() throws Exception {
    String allowed = "http://allowed.example:8080";
    String foreign = "http://evil.example";
    HttpResponse<String> preflight = send(preflight(allowed));
    assertThat(preflight.statusCode()).isEqualTo(204);
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue(allowed);
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");
    assertThat(send(preflight(foreign)).statusCode()).isEqualTo(403);

    String alice = token("alice");
    HttpResponse<String> fromAllowed =
        send(SsoServers.request("api/streams", alice, Map.of("Origin", allowed)).GET().build());
    assertThat(fromAllowed.statusCode()).isEqualTo(200);
    assertThat(fromAllowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue(allowed);
    HttpResponse<String> fromForeign =
        send(SsoServers.request("api/streams", alice, Map.of("Origin", foreign)).GET().build());
    assertThat(fromForeign.statusCode()).isEqualTo(403);
    assertThat(fromForeign.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    HttpResponse<String> sameSite =
        send(
            SsoServers.request(
                    "api/streams",
                    alice,
                    Map.of("Origin", "http://127.0.0.1:" + SsoServers.APP_PORT))
                .GET()
                .build());
    assertThat(sameSite.statusCode()).isEqualTo(200);
  }

  private static HttpRequest preflight(String origin) {
    return SsoServers.request(
            "webrtc/offer",
            null,
            Map.of(
                "Origin", origin,
                "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "content-type"))
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
        .build();
  }

  private static List<String> names(HttpResponse<String> r) {
    assertThat(r.statusCode()).isEqualTo(200);
    try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(r.body()))) {
      return reader.readArray().stream().map(v -> v.asJsonObject().getString("name")).toList();
    }
  }

  private static String payload(String jwt) {
    return new String(
        Base64.getUrlDecoder().decode(jwt.split("\\.")[1]),
        java.nio.charset.StandardCharsets.UTF_8);
  }
}
