package io.fastrtc.jakarta.it;

import static io.fastrtc.jakarta.it.ItSupport.root;
import static io.fastrtc.jakarta.it.ItSupport.stream;
import static org.assertj.core.api.Assertions.assertThat;

import io.fastrtc.jakarta.testing.Await;
import io.fastrtc.jakarta.testing.ClientPeer;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * MicroProfile Health, Metrics and OpenAPI on a real server: readiness and liveness UP, a live echo
 * counted per stream and transport in {@code /metrics}, a refused second client counted by reason,
 * and {@code /openapi} serving the routes' document.
 */
@ExtendWith(ArquillianExtension.class)
class OperationsIT {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @ArquillianResource URL base;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ItSupport.warWithTestStreams();
  }

  @Test
  void healthMetricsAndTheOpenApiDocument() throws Exception {
    HttpResponse<String> ready = get(server("/health/ready"));
    assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
    assertThat(ready.body()).contains("fastrtc-ready").contains("\"webrtc\":\"available\"");
    HttpResponse<String> live = get(server("/health/live"));
    assertThat(live.statusCode()).as(live.body()).isEqualTo(200);
    assertThat(live.body()).contains("fastrtc-alive");

    try (ClientPeer echo = ItSupport.connectedToneClient(stream(base, "limited"), 440)) {
      ClientPeer second = ClientPeer.builder(stream(base, "limited")).build();
      try {
        assertThat(second.connect().error()).isEqualTo("concurrency_limit_reached");
      } finally {
        second.close();
      }
      HttpResponse<String> notReadyYet = get(server("/health/ready"));
      System.out.println("readiness with one stream full: " + notReadyYet.body());
      Await.until(
          () -> metric("fastrtc_audio_frames_in").orElse(0.0) > 0,
          Duration.ofSeconds(10),
          () -> "frames counted in /metrics");
      assertThat(metricLine("fastrtc_connections_opened_total", "limited", "webrtc"))
          .hasValueSatisfying(v -> assertThat(v).isGreaterThanOrEqualTo(1.0));
      assertThat(metricLine("fastrtc_connections_live", "limited", "webrtc")).hasValue(1.0);
      assertThat(
              metricLines("fastrtc_connections_refused_total").stream()
                  .filter(l -> l.contains("reason=\"concurrency_limit_reached\""))
                  .filter(l -> l.contains("stream=\"limited\""))
                  .toList())
          .isNotEmpty();
    }
    Await.until(
        () -> metricLine("fastrtc_connections_live", "limited", "webrtc").orElse(-1.0) == 0.0,
        Duration.ofSeconds(15),
        () -> "live gauge back to 0");
    assertThat(metricLines("fastrtc_connect_time_seconds_count")).isNotEmpty();
    assertThat(metricLines("fastrtc_connections_closed_total")).isNotEmpty();

    HttpResponse<String> openapi = get(server("/openapi?format=JSON"));
    assertThat(openapi.statusCode()).isEqualTo(200);
    assertThat(openapi.body())
        .contains("\"/webrtc/offer\"")
        .contains("\"/api/drain\"")
        .contains("server_draining");
  }

  private Optional<Double> metric(String name) {
    return metricLines(name).stream().findFirst().map(OperationsIT::value);
  }

  private Optional<Double> metricLine(String name, String stream, String transport) {
    return metricLines(name).stream()
        .filter(l -> l.contains("stream=\"" + stream + "\""))
        .filter(l -> l.contains("transport=\"" + transport + "\""))
        .findFirst()
        .map(OperationsIT::value);
  }

  private List<String> metricLines(String name) {
    try {
      String body = get(server("/metrics?scope=application")).body();
      return body.lines()
          .filter(l -> l.startsWith(name + "{") || l.startsWith(name + " "))
          .toList();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static double value(String line) {
    return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
  }

  private String server(String path) {
    return URI.create(root(base)).resolve(path).toString();
  }

  private static HttpResponse<String> get(String url) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
