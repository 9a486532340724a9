package io.fastrtc.jakarta.it;

import static io.fastrtc.jakarta.it.EmbeddedApps.OWN_INDEX;
import static io.fastrtc.jakarta.it.ItSupport.assertHears;
import static io.fastrtc.jakarta.it.ItSupport.root;
import static org.assertj.core.api.Assertions.assertThat;

import io.fastrtc.jakarta.testing.Audio;
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
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * FastRTC reused from another application: a separate WAR ({@code embedded.war}, context root
 * {@code /embedded}) holding only {@code fastrtc-classes.jar}, webrtc-java, one user handler, one
 * custom JAX-RS route and its own {@code index.html}, deployed to the same managed Liberty. The
 * demo streams stay off there; the jar's bundled pages appear at {@code /embedded/fastrtc/} and
 * stream in Chromium.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EmbeddedAppIT {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  @ArquillianResource URL base;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return EmbeddedApps.war("embedded", Map.of());
  }

  @Test
  void onlyTheUsersStreamIsDeployedWithItsInputsAndOutputs() throws Exception {
    HttpResponse<String> r = get("api/streams");
    assertThat(r.statusCode()).isEqualTo(200);
    var streams = Json.createReader(new StringReader(r.body())).readArray();
    assertThat(streams.getValuesAs(JsonObject.class))
        .extracting(s -> s.getString("name"))
        .containsExactly("volume-echo");
    JsonObject volume = streams.getJsonObject(0).getJsonArray("inputs").getJsonObject(0);
    assertThat(volume.getString("widget")).isEqualTo("slider");
    assertThat(volume.getJsonNumber("max").doubleValue()).isEqualTo(2.0);
  }

  @Test
  void streamsThroughTheUsersHandlerSteeredByItsOwnRoute() throws Exception {
    try (ClientPeer peer = ItSupport.connectedToneClient(root(base), 440)) {
      assertHears(peer, 440);
      double loud = Audio.rms(peer.receivedAudio(Duration.ofMillis(500)));

      HttpResponse<String> quiet =
          post("api/my-app/volume?webrtc_id=" + peer.webrtcId() + "&value=0.1", "");
      assertThat(quiet.body()).isEqualTo("volume=0.1");
      Await.until(
          () -> Audio.rms(peer.receivedAudio(Duration.ofMillis(300))) < loud * 0.2,
          Duration.ofSeconds(10),
          () -> "a quieter echo; level " + Audio.rms(peer.receivedAudio(Duration.ofMillis(300))));
      double soft = Audio.rms(peer.receivedAudio(Duration.ofMillis(300)));
      System.out.printf("embedded app: echo level %.0f at volume 1, %.0f at 0.1%n", loud, soft);

      assertThat(
              post("api/my-app/volume?webrtc_id=" + peer.webrtcId() + "&value=5", "").statusCode())
          .isEqualTo(400);
      assertThat(post("api/my-app/volume?webrtc_id=nobody&value=1", "").statusCode())
          .isEqualTo(404);
      assertThat(
              post("input_hook", "{\"webrtc_id\":\"" + peer.webrtcId() + "\",\"volume\":0.2}")
                  .statusCode())
          .isEqualTo(200);
      assertThat(get("api/my-app/outputs?webrtc_id=" + peer.webrtcId()).body())
          .isEqualTo("1.0,0.1,0.2");
    }
  }

  @Test
  void bundledPagesLoadInChromiumBesideTheAppsOwnIndexAndStream() throws Exception {
    assertThat(get("").body()).as("the application's own index.html").contains(OWN_INDEX);
    HttpResponse<String> list = get("fastrtc/");
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body()).contains("<meta name=\"fastrtc-app-root\" content=\"../\">");
    HttpResponse<String> client = get("fastrtc/js/fastrtc-client.js");
    assertThat(client.statusCode()).isEqualTo(200);
    assertThat(client.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).contains("javascript"));

    BundledPageCheck.listAndEcho(
        URI.create(root(base) + "/fastrtc/"), Set.of("volume-echo"), "volume-echo");
  }

  private URI url(String path) {
    return URI.create(root(base) + "/" + path);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(url(path)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String body) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(url(path))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
