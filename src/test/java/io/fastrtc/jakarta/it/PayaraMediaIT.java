package io.fastrtc.jakarta.it;

import static io.fastrtc.jakarta.it.ItSupport.CONNECT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import io.fastrtc.jakarta.testing.Audio;
import io.fastrtc.jakarta.testing.Await;
import io.fastrtc.jakarta.testing.ClientPeer;
import io.fastrtc.jakarta.testing.MediaDirection;
import io.fastrtc.jakarta.testing.OfferResult;
import io.fastrtc.jakarta.testing.SseReader;
import io.fastrtc.jakarta.testing.VideoCapture;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoublePredicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The packaged WAR, unchanged, on Payara Micro: the same media checks as the Liberty suite, with
 * the same clients, against Payara's base URL. Only the exact WAR is deployed (no test streams), so
 * the checks use the bundled demo streams; the limit check lowers one stream's limit to 1 through
 * MicroProfile Config (a system property), as an operator would.
 */
@ExtendWith(PayaraServer.Shared.class)
class PayaraMediaIT {
  private static final String LIMITED = PayaraServer.LIMITED;

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private static final Duration WAIT = Duration.ofSeconds(15);

  private static PayaraServer payara;

  @BeforeAll
  static void startPayara(PayaraServer shared) {
    payara = shared;
  }

  @Test
  void echoReturnsA440HzToneAtAnAudibleLevel() {
    try (ClientPeer peer = ItSupport.connectedToneClient(payara.stream("echo"), 440)) {
      ItSupport.assertHears(peer, 440);
    }
  }

  @Test
  void fastRtcRootPathWithTrickledCandidatesServesTheDefaultStream() {
    try (ClientPeer peer =
        ClientPeer.builder(ItSupport.root(payara.base()))
            .iceMode(io.fastrtc.jakarta.testing.IceMode.TRICKLE)
            .sendHandshake(true)
            .build()) {
      OfferResult answer = peer.connect();
      assertThat(answer.isAnswer()).as(answer.body()).isTrue();
      peer.awaitConnected(CONNECT);
      peer.startTone(880, 0.3);
      ItSupport.assertHears(peer, 880);
      assertThat(peer.awaitMessage(m -> m.contains("Server received: handshake"), CONNECT))
          .isEqualTo("{\"type\":\"log\",\"data\":\"Server received: handshake\"}");
    }
  }

  @Test
  void flipReturnsTheTestPatternUpsideDown() {
    try (ClientPeer peer =
        ClientPeer.builder(payara.stream("flip"))
            .direction(MediaDirection.NONE)
            .video(MediaDirection.SEND_RECEIVE)
            .build()) {
      assertThat(peer.connect().isAnswer()).isTrue();
      peer.awaitConnected(CONNECT);
      peer.videoCapture().awaitFrames(20, CONNECT);
      VideoCapture.Picture p = peer.videoCapture().latest();
      List<String> quadrants =
          List.of(p.cell(2, 0, 0), p.cell(2, 0, 1), p.cell(2, 1, 0), p.cell(2, 1, 1));
      System.out.println("payara flip (sent red green / blue white): " + quadrants);
      assertThat(p.width()).isEqualTo(320);
      assertThat(quadrants).containsExactly("blue", "white", "red", "green");
    }
  }

  @Test
  void webSocketTransportEchoesATone() {
    int out = 24_000;
    try (AudioSocket socket = AudioSocket.open(payara.base(), "websocket/offer", out);
        PacedSignal mic = socket.microphone(48_000)) {
      socket.start("payara-ws-echo");
      mic.tone(440, 0.4);
      socket.client.awaitNext(AudioSocket::isMedia, AudioSocket.WAIT);
      Await.until(() -> socket.receivedSeconds() >= 2.0, AudioSocket.WAIT, socket.client::summary);
      short[] last = socket.lastReceived(1.0);
      double hz = Audio.dominantFrequency(last, out);
      System.out.printf("payara websocket echo: %.1f Hz at RMS %.0f%n", hz, Audio.rms(last));
      assertThat(hz).as("echoed frequency").isCloseTo(440, offset(5.0));
      assertThat(Audio.rms(last)).as("echoed level").isGreaterThan(5000);
    }
  }

  @Test
  void aMalformedWebSocketFrameGetsTheContractsAnswerAndTheSocketKeepsWorking() {
    try (AudioSocket socket = AudioSocket.open(payara.base(), "websocket/offer", 24_000)) {
      assertThat(socket.exchange("{\"event\": oops"))
          .startsWith(
              "{\"type\":\"error\",\"message\":\"invalid message: the message is not valid JSON");
      assertThat(socket.ping()).isEqualTo("{\"event\":\"pong\"}");
    }
  }

  @Test
  void anOversizedWebSocketFrameGetsMessageTooLargeAndTheSocketStaysOpen() {
    try (AudioSocket socket = AudioSocket.open(payara.base(), "websocket/offer", 24_000)) {
      assertThat(socket.exchange("{\"event\":\"media\",\"pad\":\"" + "x".repeat(300_000) + "\"}"))
          .startsWith(
              "{\"type\":\"error\",\"message\":\"invalid message: message too large: 300026"
                  + " characters, the limit is 262144");
      assertThat(socket.ping()).isEqualTo("{\"event\":\"pong\"}");
    }
  }

  @Test
  void telephoneTransportEchoesAToneAt8kHz() {
    try (TwilioCall call =
            new TwilioCall(
                AudioSocket.webSocketUri(payara.base(), "telephone/handler"), "MZpayara");
        PacedSignal mic = call.microphone()) {
      call.connected();
      call.start("{}");
      mic.tone(440, 0.4);
      Await.until(() -> call.receivedSeconds() >= 2.0, WAIT, call.client::summary);
      short[] last = call.lastReceived(1.0);
      double hz = Audio.dominantFrequency(last, TwilioCall.RATE);
      System.out.printf("payara telephone echo: %.1f Hz at RMS %.0f%n", hz, Audio.rms(last));
      assertThat(hz).isCloseTo(440, offset(5.0));
      assertThat(Audio.rms(last)).isGreaterThan(5000);
    }
  }

  @Test
  void anInputChangesALiveStreamAndSseDeliversItsOutputsInOrder() throws Exception {
    try (ClientPeer peer = ItSupport.connectedToneClient(payara.stream("threshold"), 440);
        SseReader sse = SseReader.open(url("outputs?webrtc_id=" + peer.webrtcId()), null)) {
      assertThat(sse.status()).as(sse.errorBody()).isEqualTo(200);
      long opened = System.nanoTime();
      SseReader.Event first = sse.next("output", 1, WAIT).get(0);
      long firstMillis = (System.nanoTime() - opened) / 1_000_000;
      // A 0.3 tone never passes the default threshold 0.3; 78 % of its samples pass 0.1.
      awaitShare(sse, v -> v < 0.05, "share near 0 at threshold 0.3");
      HttpResponse<String> posted =
          post("input_hook", "{\"webrtc_id\":\"" + peer.webrtcId() + "\",\"threshold\":0.1}");
      assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
      awaitShare(sse, v -> v > 0.6, "share above 0.6 at threshold 0.1");
      List<SseReader.Event> events = sse.next("output", 10, WAIT);
      long id = Long.parseLong(events.get(0).id());
      for (int i = 0; i < events.size(); i++) {
        assertThat(events.get(i).id()).as("event ids in order").isEqualTo(Long.toString(id + i));
      }
      HttpResponse<String> bad =
          post("input_hook", "{\"webrtc_id\":\"" + peer.webrtcId() + "\",\"threshold\":5}");
      assertThat(bad.statusCode()).isEqualTo(400);
      assertThat(bad.body()).contains("invalid_inputs").contains("must be less than or equal to 1");
      System.out.printf(
          "payara outputs: first event %d ms after subscribing (id %s), then %s%n",
          firstMillis, first.id(), events.stream().map(SseReader.Event::data).toList());
    }
  }

  @Test
  void aLimitOneStreamRefusesASecondClient() {
    String stream = payara.stream(LIMITED);
    ClientPeer first = ItSupport.connectedToneClient(stream, 440);
    try (ClientPeer second = ClientPeer.builder(stream).build()) {
      OfferResult r = second.connect();
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body())
          .isEqualTo(
              "{\"status\":\"failed\",\"meta\":{\"error\":\"concurrency_limit_reached\",\"limit\":1}}");
    } finally {
      first.close();
    }
    Await.until(
        () -> ItSupport.activeConnections(payara.base(), LIMITED) == 0, WAIT, () -> "slot freed");
    try (ClientPeer third = ItSupport.connectedToneClient(stream, 440)) {
      assertThat(third.webrtcId()).isNotEmpty();
    }
  }

  /** Reads outputs until one satisfies {@code wanted}; fails after {@link #WAIT}. */
  private static void awaitShare(SseReader sse, DoublePredicate wanted, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    List<String> seen = new ArrayList<>();
    while (System.nanoTime() < deadline) {
      SseReader.Event e = sse.next(WAIT);
      if (e.name().equals("output")) {
        seen.add(e.data());
        if (wanted.test(Double.parseDouble(e.data().replaceAll("[\\[\\]]", "")))) {
          return;
        }
      }
    }
    throw new AssertionError(what + "; outputs seen: " + seen);
  }

  private static URI url(String path) {
    return URI.create(ItSupport.root(payara.base()) + "/" + path);
  }

  private static HttpResponse<String> post(String path, String body) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(url(path))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
