package io.fastrtc.jakarta.it.sso;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * The two servers of the single sign-on tests: the provider ({@code http://localhost:<op port>})
 * and the secured application ({@code http://127.0.0.1:<sso port>}), with tokens from the
 * provider's password grant for its users alice (group user), bob (group staff) and olivia (groups
 * user and operator).
 */
final class SsoServers {
  static final int APP_PORT = Integer.getInteger("sso.http.port", 9191);
  static final int OP_PORT = Integer.getInteger("sso.op.http.port", 9190);
  static final URI APP = URI.create("http://127.0.0.1:" + APP_PORT + "/");
  static final URI OP = URI.create("http://localhost:" + OP_PORT + "/oidc/endpoint/OP/");
  static final URI OTHER_OP = URI.create("http://localhost:" + OP_PORT + "/oidc/endpoint/Other/");
  static final String TWILIO_TOKEN = "test-twilio-auth-token";

  static final HttpClient HTTP =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(10))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  private SsoServers() {}

  /** Waits until the application answers (401 without credentials), at most two minutes. */
  static void awaitApplication() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      try {
        HttpResponse<String> r = get("api/streams", null);
        if (r.statusCode() == 401) {
          return;
        }
        last = "HTTP " + r.statusCode();
      } catch (IOException e) {
        last = e.toString();
      }
      Thread.sleep(500);
    }
    throw new AssertionError("the secured application at " + APP + " did not start: " + last);
  }

  /** An access token (an RS256 JWT) for {@code user} from the provider's password grant. */
  static String token(String user) throws IOException, InterruptedException {
    return token(OP, user);
  }

  static String token(URI provider, String user) throws IOException, InterruptedException {
    String form = "grant_type=password&username=" + user + "&password=" + user + "pwd&scope=openid";
    HttpRequest request =
        HttpRequest.newBuilder(provider.resolve("token"))
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString("fastrtc:fastrtc-secret".getBytes(StandardCharsets.UTF_8)))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build();
    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode())
        .as("token for " + user + ": " + response.body())
        .isEqualTo(200);
    return json(response.body()).getString("access_token");
  }

  static HttpResponse<String> get(String path, String token)
      throws IOException, InterruptedException {
    return send(request(path, token, Map.of()).GET().build());
  }

  static HttpResponse<String> post(String path, String token, String body)
      throws IOException, InterruptedException {
    return send(
        request(path, token, Map.of("Content-Type", "application/json"))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  static HttpRequest.Builder request(String path, String token, Map<String, String> headers) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(APP.resolve(path)).timeout(Duration.ofSeconds(20));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    headers.forEach(b::header);
    return b;
  }

  static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  static JsonObject json(String text) {
    try (var reader = Json.createReader(new StringReader(text))) {
      return reader.readObject();
    }
  }

  /**
   * Opens a WebSocket to the application; the status of a refused upgrade is thrown as an {@link
   * AssertionError} by {@link #upgradeStatus}.
   */
  static WebSocket socket(String path, Map<String, String> headers, WebSocket.Listener listener)
      throws InterruptedException {
    WebSocket.Builder b = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
    headers.forEach(b::header);
    try {
      return b.buildAsync(URI.create("ws://127.0.0.1:" + APP_PORT + "/" + path), listener)
          .get(15, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new CompletionException(e.getCause() != null ? e.getCause() : e);
    }
  }

  /** The HTTP status of an upgrade the server refused, or 101 when it was accepted. */
  static int upgradeStatus(String path, Map<String, String> headers) throws InterruptedException {
    try {
      WebSocket ws = socket(path, headers, new WebSocket.Listener() {});
      ws.abort();
      return 101;
    } catch (CompletionException e) {
      if (e.getCause() instanceof java.net.http.WebSocketHandshakeException h) {
        return h.getResponse().statusCode();
      }
      throw e;
    }
  }
}
