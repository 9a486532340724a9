package io.fastrtc.jakarta.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.fastrtc.jakarta.testing.Await;
import io.fastrtc.jakarta.testing.ClientPeer;
import io.fastrtc.jakarta.testing.MediaDirection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Stopping Payara Micro (SIGTERM, its own shutdown) with a live connection on every transport: each
 * one ends through the one close path ({@code closed: SERVER_STOP}) and its handler's shutdown runs
 * ({@code handler shut down}), with no hang or failure reported. This server runs the WAR at
 * Payara's default context root, {@code /fastrtc/} (from the file name): Liberty's {@code
 * ibm-web-ext.xml} is ignored here and nothing depends on it.
 */
class PayaraShutdownIT {
  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final Pattern CLOSED =
      Pattern.compile("Connection (\\S+) of stream (\\S+) closed: (\\w+)");
  private static final Pattern SHUT_DOWN = Pattern.compile("Connection (\\S+): handler shut down");

  @Test
  void stoppingTheServerClosesEveryConnectionAndRunsEveryShutdown() throws Exception {
    PayaraServer payara = PayaraServer.start("stop", 1, null, Map.of());
    ClientPeer echo = null;
    ClientPeer flip = null;
    try (AudioSocket socket = AudioSocket.open(payara.base(), "websocket/offer", 24_000);
        PacedSignal mic = socket.microphone(48_000);
        TwilioCall call =
            new TwilioCall(
                AudioSocket.webSocketUri(payara.base(), "telephone/handler"), "MZpayarastop")) {
      assertThat(payara.base().getPath()).isEqualTo("/fastrtc/");
      echo = ItSupport.connectedToneClient(payara.stream("echo"), 440);
      ItSupport.assertHears(echo, 440);
      flip =
          ClientPeer.builder(payara.stream("flip"))
              .direction(MediaDirection.NONE)
              .video(MediaDirection.SEND_RECEIVE)
              .build();
      assertThat(flip.connect().isAnswer()).isTrue();
      flip.awaitConnected(ItSupport.CONNECT);
      flip.videoCapture().awaitFrames(10, ItSupport.CONNECT);
      socket.start("payara-stop-ws");
      mic.tone(440, 0.4);
      socket.client.awaitNext(AudioSocket::isMedia, AudioSocket.WAIT);
      call.connected();
      call.start("{}");
      Await.until(
          () ->
              ItSupport.activeConnections(payara.base(), "echo") == 3
                  && ItSupport.activeConnections(payara.base(), "flip") == 1,
          WAIT,
          () -> "3 echo connections (WebRTC, WebSocket, telephone) and 1 flip connection");
      List<String> ids =
          List.of(echo.webrtcId(), flip.webrtcId(), "payara-stop-ws", "MZpayarastop");

      payara.stop();

      String log = payara.log();
      List<String> closed = matches(CLOSED, log, 1);
      List<String> shutDown = matches(SHUT_DOWN, log, 1);
      System.out.printf(
          "payara stop: closed %s; handlers shut down %s; reasons %s%n",
          closed, shutDown, matches(CLOSED, log, 3));
      assertThat(closed).as("connections closed").containsExactlyInAnyOrderElementsOf(ids);
      assertThat(matches(CLOSED, log, 3)).as("close reasons").containsOnly("SERVER_STOP");
      assertThat(shutDown).as("handler shutdowns").containsExactlyInAnyOrderElementsOf(ids);
      assertThat(log)
          .doesNotContain("did not return within")
          .doesNotContain("shutdown() failed")
          .doesNotContain("was still closing when the engine stopped");
    } finally {
      if (echo != null) {
        echo.close();
      }
      if (flip != null) {
        flip.close();
      }
      payara.stop();
    }
  }

  private static List<String> matches(Pattern pattern, String log, int group) {
    Matcher m = pattern.matcher(log);
    List<String> out = new java.util.ArrayList<>();
    while (m.find()) {
      out.add(m.group(group));
    }
    return out;
  }
}
