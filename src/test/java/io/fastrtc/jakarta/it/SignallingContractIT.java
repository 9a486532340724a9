package io.fastrtc.jakarta.it;

import static io.fastrtc.jakarta.it.ItSupport.stream;
import static org.assertj.core.api.Assertions.assertThat;

import io.fastrtc.jakarta.testing.Await;
import io.fastrtc.jakarta.testing.ClientPeer;
import io.fastrtc.jakarta.testing.OfferEndpoint;
import io.fastrtc.jakarta.testing.OfferResult;
import java.net.URL;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every failure body of reference section 2.2, exactly, from the real server. */
@ExtendWith(ArquillianExtension.class)
class SignallingContractIT {
  private static final String GOOD_CANDIDATE =
      "candidate:2393089663 1 udp 2122260223 127.0.0.1 63692 typ host generation 0 ufrag LkZb";

  @ArquillianResource URL base;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ItSupport.warWithTestStreams();
  }

  @Test
  void candidateForAnUnknownIdIsUnknownConnection() {
    OfferResult r =
        new OfferEndpoint(stream(base, "echo")).postCandidate("nobody", GOOD_CANDIDATE, "0", 0);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body())
        .isEqualTo("{\"status\":\"failed\",\"meta\":{\"error\":\"unknown_connection\"}}");
  }

  @Test
  void badCandidatesOnALiveConnectionAreInvalidCandidateFormatAndGoodOnesSucceed() {
    try (ClientPeer peer = ItSupport.connectedToneClient(stream(base, "echo"), 440)) {
      assertThat(peer.postCandidate("", "0", 0).body())
          .isEqualTo("{\"status\":\"failed\",\"meta\":{\"error\":\"invalid_candidate_format\"}}");
      assertThat(peer.postCandidate("candidate:1 1 udp 1 1.2.3.4 9 typ host", "0", 0).error())
          .isEqualTo("invalid_candidate_format");
      assertThat(peer.postCandidate("total garbage", null, -1).error())
          .isEqualTo("invalid_candidate_format");
      assertThat(peer.postCandidate(GOOD_CANDIDATE, "0", 0).body())
          .isEqualTo("{\"status\":\"success\"}");
    }
  }

  @Test
  void aSecondOfferWithALiveIdIsConnectionAlreadyExists() {
    try (ClientPeer first = ItSupport.connectedToneClient(stream(base, "echo"), 440);
        ClientPeer second =
            ClientPeer.builder(stream(base, "echo")).webrtcId(first.webrtcId()).build()) {
      OfferResult r = second.connect();
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body())
          .isEqualTo("{\"status\":\"failed\",\"meta\":{\"error\":\"connection_already_exists\"}}");
    }
  }

  @Test
  void candidateAfterCloseIsConnectionClosed() {
    ClientPeer peer = ItSupport.connectedToneClient(stream(base, "echo"), 440);
    String id = peer.webrtcId();
    peer.close();
    OfferEndpoint endpoint = new OfferEndpoint(stream(base, "echo"));
    Await.until(
        () ->
            "connection_closed".equals(endpoint.postCandidate(id, GOOD_CANDIDATE, "0", 0).error()),
        // A clean close is seen at once; if the client's goodbye packets are lost, the
        // disconnect grace ends it within ~15 s.
        Duration.ofSeconds(30),
        () -> endpoint.postCandidate(id, GOOD_CANDIDATE, "0", 0).body());
  }

  @Test
  void aSecondClientOnALimitOneStreamGetsTheLimitAndTheSlotIsFreedOnClose() throws Exception {
    ClientPeer first = ItSupport.connectedToneClient(stream(base, "limited"), 440);
    try (ClientPeer second = ClientPeer.builder(stream(base, "limited")).build()) {
      OfferResult r = second.connect();
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body())
          .isEqualTo(
              "{\"status\":\"failed\",\"meta\":{\"error\":\"concurrency_limit_reached\",\"limit\":1}}");
    } finally {
      first.close();
    }
    Await.until(
        () -> activeConnections("limited") == 0, Duration.ofSeconds(10), () -> "slot freed");
    try (ClientPeer third = ItSupport.connectedToneClient(stream(base, "limited"), 440)) {
      ItSupport.assertHears(third, 440);
    }
  }

  @Test
  void unknownStreamIs404WithAReason() {
    OfferResult r = new OfferEndpoint(stream(base, "nope")).post("{}");
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.error()).isEqualTo("unknown_stream");
  }

  private int activeConnections(String name) {
    return ItSupport.activeConnections(base, name);
  }
}
