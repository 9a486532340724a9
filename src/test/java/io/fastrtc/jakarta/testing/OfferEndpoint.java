package io.fastrtc.jakarta.testing;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;

/**
 * The HTTP side of a FastRTC client: POSTs JSON to {@code <base>/webrtc/offer} and returns status
 * and body whatever they are. Usable without any native code, e.g. for malformed-body tests.
 */
public final class OfferEndpoint {

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  private final URI uri;
  private final String bearerToken;

  /**
   * Targets {@code <baseUrl>/webrtc/offer}.
   *
   * @param baseUrl the stream's base URL, e.g. {@code http://localhost:9080/fastrtc}; a trailing
   *     slash is ignored
   */
  public OfferEndpoint(String baseUrl) {
    this(baseUrl, null);
  }

  /**
   * Targets {@code <baseUrl>/webrtc/offer}, sending {@code Authorization: Bearer <token>}.
   *
   * @param baseUrl the stream's base URL
   * @param bearerToken the token, or null to send no {@code Authorization} header
   */
  public OfferEndpoint(String baseUrl, String bearerToken) {
    Objects.requireNonNull(baseUrl, "baseUrl == null");
    this.bearerToken = bearerToken;
    String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.uri = URI.create(base + "/webrtc/offer");
  }

  /**
   * The offer URL.
   *
   * @return {@code <base>/webrtc/offer}
   */
  public URI uri() {
    return uri;
  }

  /**
   * POSTs an arbitrary body with {@code Content-Type: application/json}.
   *
   * @param body the raw request body, sent as is
   * @return status and body of the reply
   * @throws UncheckedIOException if the server cannot be reached
   */
  public OfferResult post(String body) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(uri)
            .timeout(REQUEST_TIMEOUT)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (bearerToken != null) {
      builder.header("Authorization", "Bearer " + bearerToken);
    }
    HttpRequest request = builder.build();
    try {
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      return new OfferResult(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException("POST " + uri + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("POST " + uri + " interrupted", e);
    }
  }

  /**
   * POSTs {@code {"sdp":..,"type":"offer","webrtc_id":..}}.
   *
   * @param sdp the offer SDP
   * @param webrtcId the connection id
   * @return the reply
   */
  public OfferResult postOffer(String sdp, String webrtcId) {
    return post(
        Json.createObjectBuilder()
            .add("sdp", sdp)
            .add("type", "offer")
            .add("webrtc_id", webrtcId)
            .build()
            .toString());
  }

  /**
   * POSTs a trickled candidate: {@code {"webrtc_id","type":"ice-candidate","candidate":{
   * "candidate","sdpMid","sdpMLineIndex"}}}.
   *
   * @param webrtcId the connection id
   * @param candidate the candidate line, e.g. {@code candidate:1 1 udp ...}
   * @param sdpMid the media id, or null to send JSON null
   * @param sdpMLineIndex the m-line index
   * @return the reply
   */
  public OfferResult postCandidate(
      String webrtcId, String candidate, String sdpMid, int sdpMLineIndex) {
    JsonObjectBuilder inner = Json.createObjectBuilder().add("candidate", candidate);
    if (sdpMid == null) {
      inner.addNull("sdpMid");
    } else {
      inner.add("sdpMid", sdpMid);
    }
    inner.add("sdpMLineIndex", sdpMLineIndex);
    return post(
        Json.createObjectBuilder()
            .add("webrtc_id", webrtcId)
            .add("type", "ice-candidate")
            .add("candidate", inner)
            .build()
            .toString());
  }
}
