package io.fastrtc.jakarta.it.sso;

import static io.fastrtc.jakarta.it.sso.SsoServers.get;
import static io.fastrtc.jakarta.it.sso.SsoServers.post;
import static io.fastrtc.jakarta.it.sso.SsoServers.token;
import static org.assertj.core.api.Assertions.assertThat;

import io.fastrtc.jakarta.testing.Audio;
import io.fastrtc.jakarta.testing.Await;
import io.fastrtc.jakarta.testing.ClientPeer;
import io.fastrtc.jakarta.testing.OfferEndpoint;
import io.fastrtc.jakarta.testing.OfferResult;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real webrtc-java peer owned by alice (her offer carries her bearer token) on the send-receive
 * {@code threshold} stream, which every user may open: her echo comes back, bob gets the unknown-id
 * answer for her connection on every route, and bob reusing her id opens his own connection, as a
 * fresh id would.
 */
class SecuredWebRtcIT {
  private static final Duration CONNECT = Duration.ofSeconds(15);
  private static final String STREAM = "streams/threshold";
  private static final String CANDIDATE =
      "candidate:1 1 udp 2122260223 192.0.2.1 5000 typ host generation 0";

  @BeforeAll
  static void servers() throws Exception {
    SsoServers.awaitApplication();
  }

  @Test
  void alicesWebRtcConnectionIsHersAlone() throws Exception {
    String alice = token("alice");
    String bob = token("bob");
    String base = SsoServers.APP.resolve(STREAM).toString();
    try (ClientPeer peer = ClientPeer.builder(base).bearerToken(alice).build()) {
      OfferResult answer = peer.connect();
      assertThat(answer.isAnswer()).as(answer.body()).isTrue();
      peer.awaitConnected(CONNECT);
      peer.startTone(440, 0.3);
      assertHears(peer, 440, "alice's echo");
      String id = peer.webrtcId();
      String unknown = "nobody-" + UUID.randomUUID();

      // trickled candidates
      OfferEndpoint bobs = new OfferEndpoint(base, bob);
      OfferResult bobsCandidate = bobs.postCandidate(id, CANDIDATE, "0", 0);
      OfferResult unknownCandidate = bobs.postCandidate(unknown, CANDIDATE, "0", 0);
      assertThat(bobsCandidate).isEqualTo(unknownCandidate);
      assertThat(bobsCandidate.error()).isEqualTo("unknown_connection");
      assertThat(new OfferEndpoint(base, alice).postCandidate(id, CANDIDATE, "0", 0).isFailed())
          .as("alice's own candidate is taken")
          .isFalse();

      // inputs, on the stream and the root routes
      for (String route : new String[] {STREAM + "/input_hook", "input_hook"}) {
        HttpResponse<String> bobsInputs = post(route, bob, inputs(id));
        HttpResponse<String> unknownInputs = post(route, bob, inputs(unknown));
        assertThat(bobsInputs.statusCode()).isEqualTo(404).isEqualTo(unknownInputs.statusCode());
        assertThat(bobsInputs.body().replace(id, "?"))
            .isEqualTo(unknownInputs.body().replace(unknown, "?"));
      }
      assertThat(post(STREAM + "/input_hook", alice, inputs(id)).statusCode()).isEqualTo(200);

      // outputs (SSE)
      for (String route : new String[] {STREAM + "/outputs", "outputs"}) {
        HttpResponse<String> bobsOutputs = get(route + "?webrtc_id=" + id, bob);
        HttpResponse<String> unknownOutputs = get(route + "?webrtc_id=" + unknown, bob);
        assertThat(bobsOutputs.statusCode()).isEqualTo(404).isEqualTo(unknownOutputs.statusCode());
        assertThat(bobsOutputs.body().replace(id, "?"))
            .isEqualTo(unknownOutputs.body().replace(unknown, "?"));
      }

      // bob reusing alice's live id: answered exactly as a fresh id, with his own connection
      try (ClientPeer bobsPeer = ClientPeer.builder(base).webrtcId(id).bearerToken(bob).build()) {
        OfferResult bobsAnswer = bobsPeer.connect();
        assertThat(bobsAnswer.isAnswer()).as(bobsAnswer.body()).isTrue();
        bobsPeer.awaitConnected(CONNECT);
        bobsPeer.startTone(660, 0.3);
        assertHears(bobsPeer, 660, "bob's own echo on the reused id");
        assertHears(peer, 440, "alice's echo, untouched by bob's connection");
      }
      // alice's own id is still taken for her
      OfferResult again = new OfferEndpoint(base, alice).postOffer(peer.offerSdp(), id);
      assertThat(again.error()).isEqualTo("connection_already_exists");
      assertThat(post(STREAM + "/input_hook", alice, inputs(id)).statusCode()).isEqualTo(200);
    }
  }

  private static String inputs(String id) {
    return "{\"webrtc_id\":\"" + id + "\",\"threshold\":0.2}";
  }

  private static void assertHears(ClientPeer peer, double hz, String what) throws Exception {
    peer.audioCapture();
    Await.until(
        () -> Audio.rms(peer.receivedAudio(Duration.ofMillis(500))) > 1000,
        Duration.ofSeconds(10),
        () -> what + ": level " + Audio.rms(peer.receivedAudio(Duration.ofMillis(500))));
    Thread.sleep(1200);
    short[] last = peer.receivedAudio(Duration.ofSeconds(1));
    double f = Audio.dominantFrequency(last, peer.receivedSampleRate());
    System.out.printf("%s: %.1f Hz at RMS %.0f%n", what, f, Audio.rms(last));
    assertThat(f).as(what).isCloseTo(hz, Offset.offset(10.0));
  }
}
