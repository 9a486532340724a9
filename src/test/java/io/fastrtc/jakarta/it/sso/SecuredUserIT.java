package io.fastrtc.jakarta.it.sso;

import static io.fastrtc.jakarta.it.sso.SsoServers.token;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Handlers see the user: the test stream {@code whoami} (it.sso.whoami.WhoAmIStream, deployed only
 * on the secured server) outputs {@code StreamContext.user()}'s name and groups, read over SSE.
 */
class SecuredUserIT {

  @BeforeAll
  static void servers() throws Exception {
    SsoServers.awaitApplication();
  }

  @Test
  void theHandlerSeesTheBearerTokensUserAndGroups() throws Exception {
    jakarta.json.JsonArray olivia = array(whoAmI("olivia"));
    assertThat(olivia.getString(0)).isEqualTo("olivia");
    assertThat(List.of(olivia.getString(1).split(","))).contains("operator", "user");
    jakarta.json.JsonArray bob = array(whoAmI("bob"));
    assertThat(bob.getString(0)).isEqualTo("bob");
    assertThat(List.of(bob.getString(1).split(","))).contains("staff").doesNotContain("user");
  }

  private static jakarta.json.JsonArray array(String json) {
    try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(json))) {
      return reader.readArray();
    }
  }

  /** The first output of a whoami connection opened over WebSocket with {@code user}'s token. */
  private static String whoAmI(String user) throws Exception {
    String token = token(user);
    String id = user + "-" + UUID.randomUUID();
    Messages messages = new Messages();
    WebSocket ws =
        SsoServers.socket(
            "streams/whoami/websocket/offer", Map.of("Authorization", "Bearer " + token), messages);
    try {
      ws.sendText("{\"event\":\"start\",\"websocket_id\":\"" + id + "\"}", true).join();
      CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> firstOutput(id, token));
      SecuredConnectionsIT.sendTone(ws, 48_000, 3.0);
      String data = first.get(20, TimeUnit.SECONDS);
      System.out.println("whoami for " + user + ": " + data);
      return data;
    } finally {
      ws.sendText("{\"event\":\"stop\"}", true).join();
    }
  }

  private static String firstOutput(String id, String token) {
    try {
      HttpResponse<InputStream> sse = null;
      for (int tries = 0; tries < 50 && (sse == null || sse.statusCode() == 404); tries++) {
        if (sse != null) {
          sse.body().close();
          Thread.sleep(100); // the socket's start event may still be on its way
        }
        sse =
            SsoServers.HTTP.send(
                SsoServers.request("streams/whoami/outputs?webrtc_id=" + id, token, Map.of())
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofInputStream());
      }
      assertThat(sse.statusCode()).isEqualTo(200);
      try (BufferedReader lines =
          new BufferedReader(new InputStreamReader(sse.body(), StandardCharsets.UTF_8))) {
        boolean output = false;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          if (line.equals("event: output")) {
            output = true;
          } else if (output && line.startsWith("data: ")) {
            return line.substring("data: ".length());
          }
        }
      }
      throw new AssertionError("the output stream ended without an output");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
