package io.fastrtc.jakarta.bench;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** The server's HTTP side: FastRTC offers and the runtime's status counters. */
final class BenchHttp {
  private final String base;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  BenchHttp(String base) {
    this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }

  String base() {
    return base;
  }

  /** {@code POST <offerPath>} with {sdp, type, webrtc_id}; completes with the answer SDP. */
  CompletableFuture<String> offer(String offerPath, String webrtcId, String sdp) {
    String body =
        Json.createObjectBuilder()
            .add("sdp", sdp)
            .add("type", "offer")
            .add("webrtc_id", webrtcId)
            .build()
            .toString();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + offerPath))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
        .thenApply(
            r -> {
              JsonObject o = parse(r.body());
              if (o.containsKey("sdp") && "answer".equals(o.getString("type", ""))) {
                return o.getString("sdp");
              }
              throw new IllegalStateException("HTTP " + r.statusCode() + " " + r.body());
            });
  }

  JsonObject status() throws IOException, InterruptedException {
    return getObject("/api/status");
  }

  JsonObject reset() throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + "/api/status/reset"))
            .timeout(Duration.ofSeconds(10))
            .POST(HttpRequest.BodyPublishers.noBody())
            .build();
    return parse(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
  }

  JsonArray streams() throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + "/api/streams"))
            .timeout(Duration.ofSeconds(10))
            .GET()
            .build();
    String body = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      return reader.readArray();
    }
  }

  private JsonObject getObject(String path) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(10))
            .GET()
            .build();
    return parse(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
  }

  static JsonObject parse(String body) {
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      return reader.readObject();
    }
  }

  /** A numeric field, or {@code fallback}. */
  static double number(JsonObject o, String key, double fallback) {
    JsonValue v = o.get(key);
    return v instanceof JsonNumber n ? n.doubleValue() : fallback;
  }
}
