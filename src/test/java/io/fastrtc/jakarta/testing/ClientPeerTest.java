package io.fastrtc.jakarta.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.onvoid.webrtc.RTCPeerConnectionState;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@link ClientPeer} against {@link FakeOfferServer}: the fixture works before the server does. */
@Tag("native")
class ClientPeerTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final Duration WINDOW = Duration.ofMillis(500);
  private static FakeOfferServer server;

  @BeforeAll
  static void startServer() throws IOException {
    server = FakeOfferServer.start(880);
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @ParameterizedTest
  @EnumSource(IceMode.class)
  void exchangesAudioBothWaysAndEchoesMessages(IceMode mode) {
    try (ClientPeer client = ClientPeer.builder(server.baseUrl()).iceMode(mode).build()) {
      long start = System.nanoTime();
      OfferResult result = client.connect();
      client.awaitConnected(TIMEOUT);
      System.out.printf("%s: connected in %d ms%n", mode, (System.nanoTime() - start) / 1_000_000);

      assertThat(result.statusCode()).isEqualTo(200);
      assertThat(result.isAnswer()).isTrue();
      assertThat(client.connectionState()).isEqualTo(RTCPeerConnectionState.CONNECTED);
      client.startTone(440, 0.5);
      awaitTone(client.audioCapture(), 880);
      awaitTone(server.receivedFrom(client.webrtcId()), 440);
      assertThat(client.receivedSampleRate()).isEqualTo(48_000);
      assertThat(client.framesReceived()).isGreaterThanOrEqualTo(50);
      client.send("hello");
      assertThat(client.awaitMessage(m -> m.contains("Server received: hello"), TIMEOUT))
          .isEqualTo("{\"type\":\"log\",\"data\":\"Server received: hello\"}");
      checkIceVariant(mode, client);
    }
  }

  @Test
  void receiveOnlyClientOffersRecvonlyAndHearsTheServer() {
    try (ClientPeer client =
        ClientPeer.builder(server.baseUrl()).direction(MediaDirection.RECEIVE_ONLY).build()) {
      client.connect();
      client.awaitConnected(TIMEOUT);

      assertThat(client.offerSdp()).contains("a=recvonly").contains("webrtc-datachannel");
      awaitTone(client.audioCapture(), 880);
      assertThatThrownBy(() -> client.startTone(440, 0.5))
          .isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void sendsHandshakeWhenAskedAndCanGoWithoutDataChannel() {
    try (ClientPeer chatty = ClientPeer.builder(server.baseUrl()).sendHandshake(true).build();
        ClientPeer silent = ClientPeer.builder(server.baseUrl()).dataChannel(false).build()) {
      chatty.connect();
      silent.connect();

      assertThat(chatty.awaitMessage(m -> m.contains("handshake"), TIMEOUT))
          .contains("Server received: handshake");
      assertThat(silent.offerSdp()).doesNotContain("webrtc-datachannel");
      silent.awaitConnected(TIMEOUT);
      assertThatThrownBy(() -> silent.send("x")).isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void returnsFailedBodiesInsteadOfThrowing() {
    String id = ClientPeerOptions.randomWebrtcId();
    try (ClientPeer first = ClientPeer.builder(server.baseUrl()).webrtcId(id).build();
        ClientPeer second = ClientPeer.builder(server.baseUrl()).webrtcId(id).build()) {
      OfferResult early = second.postCandidate(validCandidate(), "0", 0);
      first.connect();
      OfferResult duplicate = second.connect();

      assertThat(early.error()).isEqualTo("unknown_connection");
      assertThat(duplicate.statusCode()).isEqualTo(200);
      assertThat(duplicate.isFailed()).isTrue();
      assertThat(duplicate.isAnswer()).isFalse();
      assertThat(duplicate.error()).isEqualTo("connection_already_exists");
      assertThat(duplicate.body()).contains("\"status\":\"failed\"");
      assertThat(second.postCandidate("candidate:1 1 udp", "0", 0).error())
          .isEqualTo("invalid_candidate_format");
      assertThat(second.postCandidate(validCandidate(), null, 0).status()).isEqualTo("success");
      OfferResult noId = second.postRaw("{\"type\":\"offer\",\"sdp\":\"v=0\"}");
      assertThat(noId.statusCode()).isEqualTo(422);
      OfferResult garbage = second.postRaw("{not json");
      assertThat(garbage.statusCode()).isEqualTo(400);
      assertThat(garbage.json()).isNotNull();
      assertThat(new OfferResult(500, "<html>").json()).isNull();
      assertThatThrownBy(second::connect).isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void closeIsIdempotentAndSafeBeforeConnect() {
    ClientPeer unconnected = ClientPeer.builder(server.baseUrl()).build();
    ClientPeer connected = ClientPeer.builder(server.baseUrl()).build();
    connected.connect();
    connected.awaitConnected(TIMEOUT);
    connected.startTone(440, 0.3);

    assertThatCode(
            () -> {
              unconnected.close();
              unconnected.close();
              connected.close();
              connected.close();
            })
        .doesNotThrowAnyException();
    assertThatThrownBy(connected::connect).isInstanceOf(IllegalStateException.class);
  }

  private static void checkIceVariant(IceMode mode, ClientPeer client) {
    switch (mode) {
      case TRICKLE:
        Await.until(
            () -> !client.candidateReplies().isEmpty(), TIMEOUT, () -> "no candidate replies");
        assertThat(client.candidateReplies()).allMatch(r -> "success".equals(r.status()));
        assertThat(client.offerSdp()).doesNotContain("a=candidate:");
        break;
      case GATHER_THEN_OFFER:
        assertThat(client.offerSdp()).contains("a=candidate:");
        assertThat(client.candidateReplies()).isEmpty();
        break;
      case NO_TRICKLE:
        assertThat(client.offerSdp()).doesNotContain("a=candidate:");
        assertThat(client.localCandidates()).isNotEmpty();
        assertThat(client.candidateReplies()).isEmpty();
        break;
      default:
        throw new AssertionError(mode);
    }
  }

  private static void awaitTone(AudioCapture capture, double hz) {
    Await.until(
        () -> {
          short[] last = capture.last(WINDOW);
          return last.length == 24_000
              && Math.abs(Audio.dominantFrequency(last, 48_000) - hz) <= 10
              && Audio.rms(last) > 2_000;
        },
        TIMEOUT,
        () -> capture + " never carried " + hz + " Hz");
    assertThat(Audio.dominantFrequency(capture.last(WINDOW), 48_000)).isCloseTo(hz, within(10.0));
  }

  private static String validCandidate() {
    return "candidate:2393089663 1 udp 2122260223 127.0.0.1 63692 typ host generation 0 ufrag "
        + "LkZb network-id 1";
  }
}
