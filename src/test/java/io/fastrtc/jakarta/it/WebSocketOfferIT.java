package io.fastrtc.jakarta.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import io.fastrtc.jakarta.testing.Audio;
import io.fastrtc.jakarta.testing.Await;
import io.fastrtc.jakarta.testing.ClientPeer;
import io.fastrtc.jakarta.testing.SocketClient;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * FastRTC's WebSocket transport on the real server, with the JDK's WebSocket client and the JDK's
 * G.711 codec: what comes back is checked by frequency, and the figures (latency, pacing, barge-in)
 * are printed.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WebSocketOfferIT {
  static final int IN = 48_000;
  static final int OUT = 24_000;

  @ArquillianResource URL base;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ItSupport.warWithTestStreams();
  }

  @Test
  void aToneSentToTheRootPathComesBackAtItsFrequencyInRealTime() {
    try (AudioSocket socket = AudioSocket.open(base, "websocket/offer", OUT);
        PacedSignal mic = socket.microphone(IN)) {
      socket.start("ws-echo");
      mic.tone(440, 0.4);
      long sent = mic.changedNanos();
      SocketClient.Frame first = socket.client.awaitNext(AudioSocket::isMedia, AudioSocket.WAIT);
      Await.until(() -> socket.receivedSeconds() >= 2.0, AudioSocket.WAIT, socket.client::summary);

      short[] last = socket.lastReceived(1.0);
      double hz = Audio.dominantFrequency(last, OUT);
      assertThat(hz).as("echoed frequency").isCloseTo(440, offset(5.0));
      assertThat(Audio.rms(last)).as("echoed level").isGreaterThan(5000);

      List<SocketClient.Frame> media = socket.media();
      double wallSeconds = (media.get(media.size() - 1).nanos() - first.nanos()) / 1e9;
      double audioSeconds =
          socket.receivedSeconds() - AudioSocket.payload(first.text()).length / (double) OUT;
      assertThat(audioSeconds / wallSeconds)
          .as("audio per wall-clock second: never faster than real time")
          .isLessThan(1.15);
      assertThat(AudioSocket.payload(media.get(1).text())).as("40 ms per message").hasSize(960);
      System.out.printf(
          "websocket echo: %.1f Hz at RMS %.0f; first audio %.0f ms after the tone started;"
              + " %.2f s of audio in %.2f s; %d media messages%n",
          hz,
          Audio.rms(last),
          (first.nanos() - sent) / 1e6,
          audioSeconds,
          wallSeconds,
          media.size());
    }
  }

  @Test
  void pingIsAnsweredWithPong() {
    try (AudioSocket socket = AudioSocket.open(base, "streams/echo/websocket/offer", OUT)) {
      assertThat(socket.ping()).isEqualTo("{\"event\":\"pong\"}");
    }
  }

  @Test
  void stopClosesTheSocketFreesTheSlotAndCallsShutdown() throws Exception {
    int before = ItSupport.probe(base, "lifecycle").getInt("shutdowns");
    try (AudioSocket socket = AudioSocket.open(base, "streams/lifecycle/websocket/offer", OUT);
        PacedSignal mic = socket.microphone(IN)) {
      socket.start("ws-lifecycle");
      mic.tone(300, 0.3);
      socket.client.awaitNext(AudioSocket::isMedia, AudioSocket.WAIT);
      assertThat(ItSupport.activeConnections(base, "lifecycle")).isEqualTo(1);
      mic.close();
      socket.client.send("{\"event\":\"stop\"}");
      SocketClient.Closed closed = socket.client.awaitClosed(AudioSocket.WAIT);
      assertThat(closed.code()).isEqualTo(1000);
    }
    Await.until(
        () -> ItSupport.activeConnections(base, "lifecycle") == 0,
        AudioSocket.WAIT,
        () -> "slot freed");
    Await.until(
        () -> shutdowns("lifecycle") == before + 1, AudioSocket.WAIT, () -> "shutdown called");
  }

  @Test
  void theLimitCountsEveryTransportAndIsAnsweredWithTheContractsMessage() {
    try (AudioSocket first = AudioSocket.open(base, "streams/limited/websocket/offer", OUT);
        PacedSignal mic = first.microphone(IN)) {
      first.start("ws-limited-1");
      mic.tone(440, 0.3);
      first.client.awaitNext(AudioSocket::isMedia, AudioSocket.WAIT);

      try (AudioSocket second = AudioSocket.open(base, "streams/limited/websocket/offer", OUT)) {
        second.start("ws-limited-2");
        assertThat(second.client.awaitNext(m -> true, AudioSocket.WAIT).text())
            .isEqualTo(
                "{\"status\":\"failed\",\"meta\":{\"error\":\"concurrency_limit_reached\","
                    + "\"limit\":1}}");
        assertThat(second.client.awaitClosed(AudioSocket.WAIT).code()).isEqualTo(1013);
      }
      try (ClientPeer webrtc = ClientPeer.builder(ItSupport.stream(base, "limited")).build()) {
        assertThat(webrtc.connect().error())
            .as("a WebRTC offer while the WebSocket holds the slot")
            .isEqualTo("concurrency_limit_reached");
      }
      int before = first.media().size();
      Await.until(
          () -> first.media().size() > before + 5, AudioSocket.WAIT, () -> "still streaming");
      first.client.send("{\"event\":\"stop\"}");
      first.client.awaitClosed(AudioSocket.WAIT);
    }
    Await.until(
        () -> ItSupport.activeConnections(base, "limited") == 0, AudioSocket.WAIT, () -> "freed");
    try (AudioSocket again = AudioSocket.open(base, "streams/limited/websocket/offer", OUT)) {
      again.start("ws-limited-3");
      assertThat(again.ping()).isEqualTo("{\"event\":\"pong\"}");
    }
  }

  @Test
  void badFramesGetAClearAnswerWhileAnotherSessionKeepsStreaming() {
    try (AudioSocket live = AudioSocket.open(base, "streams/echo/websocket/offer", OUT);
        PacedSignal mic = live.microphone(IN);
        AudioSocket bad = AudioSocket.open(base, "streams/echo/websocket/offer", OUT)) {
      live.start("ws-live");
      mic.tone(440, 0.4);
      Await.until(() -> live.receivedSeconds() >= 0.5, AudioSocket.WAIT, live.client::summary);
      double before = live.receivedSeconds();

      assertThat(bad.exchange("{\"event\": oops"))
          .startsWith(
              "{\"type\":\"error\",\"message\":\"invalid message: the message is not valid JSON");
      bad.client.send("{\"websocket_id\":\"x\"}");
      assertThat(bad.exchange("{\"event\":\"media\",\"media\":{\"payload\":\"AAAA\"}}"))
          .isEqualTo(
              "{\"type\":\"error\",\"message\":\"media before start: send"
                  + " {\\\"event\\\":\\\"start\\\",\\\"websocket_id\\\":\\\"...\\\"} first\"}");
      assertThat(bad.exchange("{\"event\":\"start\"}"))
          .isEqualTo(
              "{\"type\":\"error\",\"message\":\"\\\"start\\\" needs a string at websocket_id\"}");
      assertThat(bad.exchange("{\"event\":\"teleport\"}"))
          .isEqualTo(
              "{\"type\":\"warning\",\"message\":\"unknown event \\\"teleport\\\" ignored;"
                  + " expected start, media, stop or ping\"}");
      bad.client.sendBinary(new byte[] {1, 2, 3});
      assertThat(bad.client.awaitNext(m -> true, AudioSocket.WAIT).text())
          .contains("binary frames are not supported");
      bad.start("ws-live");
      assertThat(bad.client.awaitNext(m -> true, AudioSocket.WAIT).text())
          .isEqualTo("{\"status\":\"failed\",\"meta\":{\"error\":\"connection_already_exists\"}}");

      assertThat(live.client.isClosed()).isFalse();
      Await.until(
          () -> live.receivedSeconds() >= before + 1.0, AudioSocket.WAIT, live.client::summary);
      assertThat(Audio.dominantFrequency(live.lastReceived(1.0), OUT)).isCloseTo(440, offset(5.0));
      // None of the errors or warnings reached it; a playback_ended log only says its echo ran dry
      // for a moment, which a loaded 2-core machine can cause (seen under CI load) and is no harm.
      assertThat(live.client.texts(m -> m.contains("\"type\"") && !m.contains("playback_ended")))
          .as("the live socket saw none")
          .isEmpty();
    }
  }

  @Test
  void aHandlerErrorReachesTheClientAndShutdownRuns() throws Exception {
    int before = ItSupport.probe(base, "failing").getInt("shutdowns");
    try (AudioSocket socket = AudioSocket.open(base, "streams/failing/websocket/offer", OUT);
        PacedSignal mic = socket.microphone(IN)) {
      socket.start("ws-failing");
      mic.tone(300, 0.3);
      assertThat(socket.client.awaitNext(m -> m.contains("error"), AudioSocket.WAIT).text())
          .isEqualTo("{\"type\":\"error\",\"message\":\"boom on purpose\"}");
      assertThat(socket.client.awaitClosed(AudioSocket.WAIT).code()).isEqualTo(1011);
    }
    Await.until(() -> shutdowns("failing") == before + 1, AudioSocket.WAIT, () -> "shutdown");
  }

  @Test
  void anOversizedFrameGetsMessageTooLargeAndTheSocketStaysOpen() {
    try (AudioSocket socket = AudioSocket.open(base, "websocket/offer", OUT)) {
      assertThat(socket.exchange("{\"event\":\"media\",\"pad\":\"" + "x".repeat(300_000) + "\"}"))
          .startsWith(
              "{\"type\":\"error\",\"message\":\"invalid message: message too large: 300026"
                  + " characters, the limit is 262144");
      assertThat(socket.ping()).isEqualTo("{\"event\":\"pong\"}");
    }
  }

  @Test
  void talkingOverTheReplySendsClearAndStopsTheAudio() {
    try (AudioSocket socket = AudioSocket.open(base, "streams/barge-in/websocket/offer", OUT);
        PacedSignal mic = socket.microphone(IN)) {
      socket.start("ws-barge");
      SocketClient.Frame first = socket.client.awaitNext(AudioSocket::isMedia, AudioSocket.WAIT);
      Await.until(() -> socket.receivedSeconds() >= 0.6, AudioSocket.WAIT, socket.client::summary);
      assertThat(Audio.dominantFrequency(socket.lastReceived(0.5), OUT))
          .as("the greeting")
          .isCloseTo(523.25, offset(5.0));
      // The handler emitted all 3 s at once; the client gets it in real time (FastRTC would burst).
      double elapsed = (System.nanoTime() - first.nanos()) / 1e9;
      assertThat(socket.receivedSeconds())
          .as("seconds of the greeting received %.2f s after its first message", elapsed)
          .isLessThan(elapsed + 0.2);

      mic.tone(300, 0.4);
      long talking = mic.changedNanos();
      SocketClient.Frame clear =
          socket.client.awaitNext("{\"event\":\"clear\"}"::equals, AudioSocket.WAIT);
      socket.client.awaitNext(
          "{\"type\":\"log\",\"data\":\"interrupted\"}"::equals, AudioSocket.WAIT);
      int mediaAtClear = socket.media().size();
      sleep(500);
      assertThat(socket.media().size())
          .as("media after clear")
          .isLessThanOrEqualTo(mediaAtClear + 1);
      System.out.printf(
          "websocket barge-in: clear %.0f ms after the caller started talking; %.2f s of a 3 s"
              + " reply played%n",
          (clear.nanos() - talking) / 1e6, socket.receivedSeconds());
    }
  }

  @Test
  void theTimeLimitAppliesToWebSocketsToo() throws Exception {
    int before = ItSupport.probe(base, "timed").getInt("shutdowns");
    try (AudioSocket socket = AudioSocket.open(base, "streams/timed/websocket/offer", OUT)) {
      socket.start("ws-timed");
      SocketClient.Closed closed = socket.client.awaitClosed(AudioSocket.WAIT);
      assertThat(closed.code()).isEqualTo(1000);
      assertThat(closed.reason()).isEqualTo("time limit reached");
    }
    Await.until(() -> shutdowns("timed") == before + 1, AudioSocket.WAIT, () -> "shutdown");
  }

  @Test
  void aReceiveModeStreamPlaysItsTone() {
    try (AudioSocket socket = AudioSocket.open(base, "streams/tone/websocket/offer", OUT)) {
      socket.start("ws-tone");
      Await.until(() -> socket.receivedSeconds() >= 1.0, AudioSocket.WAIT, socket.client::summary);
      assertThat(Audio.dominantFrequency(socket.lastReceived(0.8), OUT))
          .isCloseTo(660, offset(5.0));
    }
  }

  @Test
  void theInputHookReachesAWebSocketSessionByItsId() throws Exception {
    try (AudioSocket socket = AudioSocket.open(base, "streams/tone/websocket/offer", OUT)) {
      socket.start("ws-tone-inputs");
      Await.until(() -> socket.receivedSeconds() >= 0.5, AudioSocket.WAIT, socket.client::summary);
      assertThat(Audio.dominantFrequency(socket.lastReceived(0.4), OUT))
          .isCloseTo(660, offset(5.0));

      HttpResponse<String> answer =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(ItSupport.root(base) + "/input_hook"))
                      .header("Content-Type", "application/json")
                      .POST(
                          HttpRequest.BodyPublishers.ofString(
                              "{\"webrtc_id\":\"ws-tone-inputs\",\"frequency\":880}"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
      double before = socket.receivedSeconds();
      Await.until(
          () -> socket.receivedSeconds() >= before + 0.6, AudioSocket.WAIT, socket.client::summary);
      assertThat(Audio.dominantFrequency(socket.lastReceived(0.4), OUT))
          .isCloseTo(880, offset(5.0));
    }
  }

  @Test
  void anUnknownStreamIsRefused() {
    try (AudioSocket socket = AudioSocket.open(base, "streams/nope/websocket/offer", OUT)) {
      assertThat(socket.client.awaitNext(m -> true, AudioSocket.WAIT).text())
          .isEqualTo(
              "{\"status\":\"failed\",\"meta\":{\"error\":\"unknown_stream\","
                  + "\"detail\":\"no stream 'nope' is deployed\"}}");
      assertThat(socket.client.awaitClosed(AudioSocket.WAIT).code()).isEqualTo(1008);
    }
  }

  private int shutdowns(String stream) {
    try {
      return ItSupport.probe(base, stream).getInt("shutdowns");
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
