package io.fastrtc.jakarta.it;

import static io.fastrtc.jakarta.it.ItSupport.assertHears;
import static io.fastrtc.jakarta.it.ItSupport.stream;
import static org.assertj.core.api.Assertions.assertThat;

import io.fastrtc.jakarta.testing.Await;
import io.fastrtc.jakarta.testing.ClientPeer;
import io.fastrtc.jakarta.testing.OfferEndpoint;
import io.fastrtc.jakarta.testing.OfferResult;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Bad input gets a clear answer and changes nothing: a live echo keeps streaming through every
 * malformed request and a failing neighbour; vanished clients and time limits are cleaned up.
 */
@ExtendWith(ArquillianExtension.class)
class RobustnessIT {
  @ArquillianResource URL base;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ItSupport.warWithTestStreams();
  }

  @Test
  void malformedRequestsGetClear4xxAnswersWhileAnotherConnectionKeepsEchoing() {
    try (ClientPeer live = ItSupport.connectedToneClient(stream(base, "echo"), 440)) {
      assertHears(live, 440);
      long framesBefore = live.framesReceived();
      OfferEndpoint echo = new OfferEndpoint(stream(base, "echo"));

      OfferResult notJson = echo.post("{\"webrtc_id\": oops");
      assertThat(notJson.statusCode()).isEqualTo(400);
      assertThat(notJson.meta().getString("detail")).contains("not valid JSON");

      OfferResult noId = echo.post("{\"type\":\"offer\",\"sdp\":\"v=0\\r\\n\"}");
      assertThat(noId.statusCode()).isEqualTo(400);
      assertThat(noId.meta().getString("detail")).contains("webrtc_id");

      OfferResult garbageSdp =
          echo.postOffer("v=0\r\nthis is not sdp\r\nm=audio nonsense\r\n", "g1");
      assertThat(garbageSdp.statusCode()).isEqualTo(400);
      assertThat(garbageSdp.error()).isEqualTo("offer_failed");
      assertThat(echo.postOffer("hello", "g2").statusCode()).isEqualTo(400);

      OfferResult videoOffer = echo.postOffer("v=0\r\nm=video 9 UDP/TLS/RTP/SAVPF 96\r\n", "g3");
      assertThat(videoOffer.meta().getString("detail"))
          .isEqualTo("Unsupported track kind 'video' for modality 'audio'");

      assertThat(live.postCandidate("candidate:x y z", "0", 0).error())
          .isEqualTo("invalid_candidate_format");
      assertThat(
              live.postCandidate(
                      "candidate:1 1 udp notanumber 999.1.1.1 99999 typ host generation 0", "0", 0)
                  .statusCode())
          .isEqualTo(200);
      assertThat(
              echo.post("{\"webrtc_id\":\"x\",\"type\":\"ice-candidate\",\"candidate\":7}").error())
          .isEqualTo("unknown_connection");

      OfferResult oversize =
          echo.post("{\"webrtc_id\":\"big\",\"sdp\":\"" + "a".repeat(70_000) + "\"}");
      assertThat(oversize.statusCode()).isEqualTo(413);
      assertThat(oversize.error()).isEqualTo("body_too_large");

      assertThat(echo.post("").statusCode()).isEqualTo(400);
      assertThat(echo.post("[]").statusCode()).isEqualTo(400);

      // The live connection never noticed: frames kept arriving and the echo is still the tone.
      assertThat(live.framesReceived()).isGreaterThan(framesBefore);
      assertHears(live, 440);
    }
  }

  @Test
  void aThrowingHandlerTellsItsClientAndLeavesOthersUntouched() throws Exception {
    try (ClientPeer live = ItSupport.connectedToneClient(stream(base, "echo"), 440);
        ClientPeer failing = ItSupport.connectedToneClient(stream(base, "failing"), 300)) {
      String error =
          failing.awaitMessage(m -> m.contains("\"type\":\"error\""), Duration.ofSeconds(10));
      assertThat(error).isEqualTo("{\"type\":\"error\",\"message\":\"boom on purpose\"}");
      Await.until(
          () -> ItSupport.activeConnections(base, "failing") == 0,
          Duration.ofSeconds(10),
          () -> "failing connection closed");
      Await.until(() -> shutdowns("failing") >= 1, Duration.ofSeconds(10), () -> "shutdown called");
      assertHears(live, 440);
    }
  }

  @Test
  void theTimeLimitClosesTheConnectionAndCallsShutdown() throws Exception {
    int before = ItSupport.probe(base, "timed").getInt("shutdowns");
    try (ClientPeer peer = ItSupport.connectedToneClient(stream(base, "timed"), 440)) {
      Await.until(
          () -> ItSupport.activeConnections(base, "timed") == 0,
          Duration.ofSeconds(10),
          () -> "closed by its 2 s time limit");
      Await.until(
          () -> shutdowns("timed") == before + 1, Duration.ofSeconds(5), () -> "shutdown called");
    }
  }

  @Test
  void aClientThatVanishesIsCleanedUpAndItsSlotFreed() throws Exception {
    int before = ItSupport.probe(base, "lifecycle").getInt("shutdowns");
    Process client = startVanishingClient(stream(base, "lifecycle"));
    try {
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
      String line = out.readLine();
      while (line != null && !line.startsWith("CONNECTED") && !line.startsWith("FAILED")) {
        line = out.readLine();
      }
      assertThat(line).startsWith("CONNECTED");
      assertThat(ItSupport.activeConnections(base, "lifecycle")).isEqualTo(1);
    } finally {
      client.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    long t0 = System.nanoTime();
    // Documented bound: ICE notices the silence in about 5 s, then a 10 s grace: under 20 s.
    Await.until(
        () -> ItSupport.activeConnections(base, "lifecycle") == 0,
        Duration.ofSeconds(30),
        () -> "vanished client cleaned up");
    Await.until(
        () -> shutdowns("lifecycle") == before + 1, Duration.ofSeconds(5), () -> "shutdown called");
    System.out.printf(
        "vanished client cleaned up %.1f s after it was killed%n", (System.nanoTime() - t0) / 1e9);
  }

  private int shutdowns(String stream) {
    try {
      return ItSupport.probe(base, stream).getInt("shutdowns");
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static Process startVanishingClient(String url) throws Exception {
    String cp =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    String java =
        System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    return new ProcessBuilder(java, "-cp", cp, VanishingClient.class.getName(), url)
        .redirectErrorStream(true)
        .start();
  }
}
