package io.fastrtc.jakarta.it;

import static io.fastrtc.jakarta.it.ItSupport.assertHears;
import static io.fastrtc.jakarta.it.ItSupport.postJson;
import static io.fastrtc.jakarta.it.ItSupport.root;
import static io.fastrtc.jakarta.it.ItSupport.stream;
import static org.assertj.core.api.Assertions.assertThat;

import io.fastrtc.jakarta.testing.Await;
import io.fastrtc.jakarta.testing.ClientPeer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The graceful drain on a real server: readiness goes DOWN, a live echo keeps its tone, new offers,
 * WebSocket starts and telephone calls get 503 with {@code Retry-After} and {@code
 * server_draining}, and after the deadline the live connection is closed.
 */
@ExtendWith(ArquillianExtension.class)
class DrainIT {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final int DEADLINE_SECONDS = 8;

  @ArquillianResource URL base;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ItSupport.warWithTestStreams();
  }

  @Test
  void drainingRefusesNewConnectionsKeepsLiveOnesThenClosesThemAtTheDeadline() throws Exception {
    HttpResponse<String> ready = get(server("/health/ready"));
    assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
    assertThat(get(server("/health/live")).statusCode()).isEqualTo(200);

    try (ClientPeer live = ItSupport.connectedToneClient(stream(base, "echo"), 440)) {
      assertHears(live, 440);

      HttpResponse<String> started =
          postJson(root(base) + "/api/drain", "{\"deadline_seconds\": " + DEADLINE_SECONDS + "}");
      long drainStart = System.nanoTime();
      assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
      JsonObject state = json(started.body());
      assertThat(state.getString("status")).isEqualTo("draining");
      assertThat(state.getInt("live_connections")).isEqualTo(1);

      HttpResponse<String> notReady = get(server("/health/ready"));
      assertThat(notReady.statusCode()).as(notReady.body()).isEqualTo(503);
      assertThat(notReady.body()).contains("\"status\":\"DOWN\"").contains("\"draining\":true");
      assertThat(get(server("/health/live")).statusCode()).isEqualTo(200);

      // A new WebRTC offer, on the stream's route and on FastRTC's root route.
      for (String offerUrl : new String[] {stream(base, "echo"), root(base)}) {
        HttpResponse<String> offer =
            postJson(
                offerUrl + "/webrtc/offer",
                "{\"webrtc_id\":\"late\",\"type\":\"offer\",\"sdp\":\"v=0\\r\\n\"}");
        assertDraining(offer);
      }
      // A WebSocket start and a telephone call.
      assertDraining(webSocketUpgrade(stream(base, "echo") + "/websocket/offer"));
      assertDraining(webSocketUpgrade(root(base) + "/telephone/handler"));
      assertDraining(postJson(root(base) + "/telephone/incoming", ""));

      JsonObject drain = json(get(root(base) + "/api/drain").body());
      assertThat(drain.getString("status")).isEqualTo("draining");
      assertThat(drain.getInt("live_connections")).isEqualTo(1);
      assertThat(drain.getBoolean("deadline_passed")).isFalse();

      // The live connection never noticed.
      assertHears(live, 440);

      Await.until(
          () -> ItSupport.activeConnections(base, "echo") == 0,
          Duration.ofSeconds(DEADLINE_SECONDS + 15),
          () -> "live connection closed after the drain's deadline");
      double closedAfter = (System.nanoTime() - drainStart) / 1e9;
      System.out.printf(
          "drain: live connection closed %.1f s after the drain started (deadline %d s)%n",
          closedAfter, DEADLINE_SECONDS);
      assertThat(closedAfter).isGreaterThanOrEqualTo(DEADLINE_SECONDS - 0.5);
      JsonObject after = json(get(root(base) + "/api/drain").body());
      assertThat(after.getBoolean("deadline_passed")).isTrue();
      assertThat(after.getInt("live_connections")).isZero();
    }
  }

  /** An HTTP answer: a plain response's or a refused WebSocket handshake's. */
  private record Answer(String uri, int status, Optional<String> retryAfter, String body) {
    static Answer of(HttpResponse<?> r, String body) {
      return new Answer(
          r.uri().toString(), r.statusCode(), r.headers().firstValue("Retry-After"), body);
    }
  }

  private static void assertDraining(HttpResponse<String> r) {
    assertDraining(Answer.of(r, r.body()));
  }

  private static void assertDraining(Answer r) {
    assertThat(r.status()).as("%s %s", r.uri(), r.body()).isEqualTo(503);
    assertThat(r.retryAfter()).as("Retry-After").hasValue("5");
    JsonObject body = json(r.body());
    assertThat(body.getString("status")).isEqualTo("failed");
    assertThat(body.getJsonObject("meta").getString("error")).isEqualTo("server_draining");
  }

  /** The upgrade's HTTP answer: the handshake must be refused. */
  private static Answer webSocketUpgrade(String httpUrl) {
    URI uri = URI.create(httpUrl.replaceFirst("^http", "ws"));
    try {
      WebSocket ws =
          HTTP.newWebSocketBuilder()
              .buildAsync(uri, new WebSocket.Listener() {})
              .orTimeout(10, TimeUnit.SECONDS)
              .join();
      ws.abort();
      throw new AssertionError("the WebSocket upgrade of " + uri + " was accepted while draining");
    } catch (CompletionException e) {
      if (e.getCause() instanceof WebSocketHandshakeException h) {
        return Answer.of(h.getResponse(), bodyOf(h));
      }
      throw e;
    }
  }

  private static String bodyOf(WebSocketHandshakeException h) {
    Object body = h.getResponse().body();
    if (body instanceof byte[] bytes) {
      return new String(bytes, StandardCharsets.UTF_8);
    }
    return String.valueOf(body);
  }

  private String server(String path) {
    return URI.create(root(base)).resolve(path).toString();
  }

  private static HttpResponse<String> get(String url) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static JsonObject json(String text) {
    return Json.createReader(new StringReader(text)).readObject();
  }
}
