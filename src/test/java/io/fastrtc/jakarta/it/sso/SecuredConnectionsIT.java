package io.fastrtc.jakarta.it.sso;

import static io.fastrtc.jakarta.it.sso.SsoServers.get;
import static io.fastrtc.jakarta.it.sso.SsoServers.json;
import static io.fastrtc.jakarta.it.sso.SsoServers.post;
import static io.fastrtc.jakarta.it.sso.SsoServers.send;
import static io.fastrtc.jakarta.it.sso.SsoServers.token;
import static io.fastrtc.jakarta.it.sso.SsoServers.upgradeStatus;
import static org.assertj.core.api.Assertions.assertThat;

import io.fastrtc.jakarta.runtime.security.TwilioSignature;
import io.fastrtc.jakarta.testing.Audio;
import io.fastrtc.jakarta.testing.G711;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Connections belong to the user who opened them: another user gets exactly the unknown-id answer
 * on every route. WebSocket upgrades need a user and a same-site (or allowed) origin, then stream.
 * The telephone routes need Twilio's signature.
 */
class SecuredConnectionsIT {

  @BeforeAll
  static void servers() throws Exception {
    SsoServers.awaitApplication();
  }

  @Test
  void anotherUsersConnectionAnswersLikeAnUnknownId() throws Exception {
    String id = "alice-" + UUID.randomUUID();
    Messages alicesMessages = new Messages();
    WebSocket alices =
        SsoServers.socket(
            "streams/level-meter/websocket/offer",
            Map.of("Authorization", "Bearer " + token("alice")),
            alicesMessages);
    alices.sendText("{\"event\":\"start\",\"websocket_id\":\"" + id + "\"}", true).join();
    sendTone(alices, 48_000, 1.0);
    String unknown = "nobody-" + UUID.randomUUID();
    String bob = token("bob");
    String alice = token("alice");

    // inputs
    HttpResponse<String> bobsInputs = post("input_hook", bob, inputs(id));
    HttpResponse<String> unknownInputs = post("input_hook", bob, inputs(unknown));
    assertThat(bobsInputs.statusCode()).isEqualTo(404).isEqualTo(unknownInputs.statusCode());
    assertThat(bobsInputs.body().replace(id, "?"))
        .isEqualTo(unknownInputs.body().replace(unknown, "?"));
    assertThat(post("streams/level-meter/input_hook", bob, inputs(id)).statusCode()).isEqualTo(404);
    assertThat(post("input_hook", alice, inputs(id)).statusCode()).as("alice's own").isEqualTo(200);

    // outputs
    HttpResponse<String> bobsOutputs = get("outputs?webrtc_id=" + id, bob);
    HttpResponse<String> unknownOutputs = get("outputs?webrtc_id=" + unknown, bob);
    assertThat(bobsOutputs.statusCode()).isEqualTo(404).isEqualTo(unknownOutputs.statusCode());
    assertThat(bobsOutputs.body().replace(id, "?"))
        .isEqualTo(unknownOutputs.body().replace(unknown, "?"));
    assertThat(get("streams/level-meter/outputs?webrtc_id=" + id, bob).statusCode()).isEqualTo(404);
    HttpResponse<InputStream> alicesOutputs =
        SsoServers.HTTP.send(
            SsoServers.request("outputs?webrtc_id=" + id, alice, Map.of()).GET().build(),
            HttpResponse.BodyHandlers.ofInputStream());
    assertThat(alicesOutputs.statusCode()).as("alice's own outputs").isEqualTo(200);
    alicesOutputs.body().close();

    // trickled candidates
    String candidate =
        "{\"webrtc_id\":\"%s\",\"type\":\"ice-candidate\",\"candidate\":{\"candidate\":"
            + "\"candidate:1 1 udp 2122260223 192.0.2.1 5000 typ host generation 0\","
            + "\"sdpMid\":\"0\",\"sdpMLineIndex\":0}}";
    HttpResponse<String> bobsCandidate =
        post("streams/level-meter/webrtc/offer", bob, candidate.formatted(id));
    HttpResponse<String> unknownCandidate =
        post("streams/level-meter/webrtc/offer", bob, candidate.formatted(unknown));
    assertThat(bobsCandidate.body()).isEqualTo(unknownCandidate.body());
    assertThat(json(bobsCandidate.body()).getJsonObject("meta").getString("error"))
        .isEqualTo("unknown_connection");
    // alice's own id is found: a socket connection takes no candidates (connection_closed).
    assertThat(post("streams/level-meter/webrtc/offer", alice, candidate.formatted(id)).body())
        .isNotEqualTo(unknownCandidate.body());

    // the connection is still alice's and still open: bob could not close it
    assertThat(post("input_hook", alice, inputs(id)).statusCode()).isEqualTo(200);
    alices.sendText("{\"event\":\"stop\"}", true).join();
    assertThat(alicesMessages.closed.get(10, TimeUnit.SECONDS)).startsWith("1000");
  }

  @Test
  void webSocketUpgradesNeedAUserAndASameSiteOrigin() throws Exception {
    String alice = token("alice");
    assertThat(upgradeStatus("websocket/offer", Map.of())).isEqualTo(401);
    assertThat(upgradeStatus("websocket/offer", Map.of("Authorization", "Bearer x.y.z")))
        .isEqualTo(401);
    assertThat(
            upgradeStatus(
                "websocket/offer",
                Map.of("Authorization", "Bearer " + alice, "Origin", "http://evil.example")))
        .as("cross-site WebSocket hijacking")
        .isEqualTo(403);

    Messages messages = new Messages();
    WebSocket ws =
        SsoServers.socket(
            "websocket/offer",
            Map.of(
                "Authorization",
                "Bearer " + alice,
                "Origin",
                "http://127.0.0.1:" + SsoServers.APP_PORT),
            messages);
    ws.sendText("{\"event\":\"start\",\"websocket_id\":\"ws-" + UUID.randomUUID() + "\"}", true)
        .join();
    sendTone(ws, 48_000, 2.0);
    String media = messages.await(m -> m.contains("\"event\":\"media\""), 10);
    assertThat(media).as("echoed audio over the authenticated socket").isNotNull();
    ws.sendText("{\"event\":\"stop\"}", true).join();

    // bob lacks the role of the default stream (echo): the socket is closed with "forbidden"
    Messages bobs = new Messages();
    SsoServers.socket("websocket/offer", Map.of("Authorization", "Bearer " + token("bob")), bobs);
    assertThat(bobs.closed.get(10, TimeUnit.SECONDS)).startsWith("1008").contains("forbidden");
  }

  @Test
  void telephoneRoutesNeedTwiliosSignature() throws Exception {
    String form = "CallSid=CA123&From=%2B15550100&To=%2B15550199";
    String url = SsoServers.APP + "telephone/incoming";
    TwilioSignature twilio = new TwilioSignature(SsoServers.TWILIO_TOKEN);
    String right =
        twilio.sign(
            url,
            Map.of(
                "CallSid", List.of("CA123"),
                "From", List.of("+15550100"),
                "To", List.of("+15550199")));
    assertThat(webhook(form, null).statusCode()).as("no signature").isEqualTo(403);
    assertThat(webhook(form, "d3Jvbmc=").statusCode()).as("wrong signature").isEqualTo(403);
    assertThat(webhook(form.replace("CA123", "CA999"), right).statusCode())
        .as("signature of other parameters")
        .isEqualTo(403);
    HttpResponse<String> accepted = webhook(form, right);
    assertThat(accepted.statusCode()).as("right signature").isEqualTo(200);
    assertThat(accepted.body()).contains("<Stream url=\"");

    String socket = "ws://127.0.0.1:" + SsoServers.APP_PORT + "/telephone/handler";
    assertThat(upgradeStatus("telephone/handler", Map.of())).isEqualTo(403);
    assertThat(upgradeStatus("telephone/handler", Map.of("X-Twilio-Signature", right)))
        .isEqualTo(403);
    assertThat(
            upgradeStatus(
                "telephone/handler", Map.of("X-Twilio-Signature", twilio.sign(socket, Map.of()))))
        .isEqualTo(101);
  }

  private static HttpResponse<String> webhook(String form, String signature) throws Exception {
    HttpRequest.Builder b =
        SsoServers.request(
            "telephone/incoming",
            null,
            Map.of("Content-Type", "application/x-www-form-urlencoded"));
    if (signature != null) {
      b.header("X-Twilio-Signature", signature);
    }
    return send(b.POST(HttpRequest.BodyPublishers.ofString(form)).build());
  }

  private static String inputs(String id) {
    return "{\"webrtc_id\":\"" + id + "\",\"gain\":1}";
  }

  /** Sends {@code seconds} of a 440 Hz tone as µ-law media events, 20 ms each. */
  static void sendTone(WebSocket ws, int rate, double seconds) {
    short[] tone = Audio.sine(440, seconds, rate, 0.4);
    int frame = rate / 50;
    for (int i = 0; i + frame <= tone.length; i += frame) {
      String payload =
          Base64.getEncoder().encodeToString(G711.encode(Arrays.copyOfRange(tone, i, i + frame)));
      ws.sendText("{\"event\":\"media\",\"media\":{\"payload\":\"" + payload + "\"}}", true).join();
    }
  }
}
