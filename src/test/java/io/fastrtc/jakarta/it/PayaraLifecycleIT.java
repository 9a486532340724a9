package io.fastrtc.jakarta.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.fastrtc.jakarta.testing.Await;
import io.fastrtc.jakarta.testing.ClientPeer;
import io.fastrtc.jakarta.testing.MediaDirection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The application's life on one Payara Micro, in order: first it is undeployed and deployed again
 * (Payara's own undeploy and deploy), as {@link RedeployIT} does on Liberty: each new class loader
 * loads libwebrtc again, audio and video stream each time, and the old factory's native threads are
 * gone. Then Payara is stopped (its own shutdown) with a live connection on every transport: each
 * one ends through the one close path ({@code Connection closed: ... reason=server_stop}) and its
 * handler's shutdown runs ({@code handler shut down}), with no hang or failure reported.
 *
 * <p>This server runs the WAR at Payara's default context root, {@code /fastrtc/} (from the file
 * name): Liberty's {@code ibm-web-ext.xml} is ignored here and nothing depends on it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PayaraLifecycleIT {
  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final String ROOT = "/fastrtc";
  private static final Pattern CLOSED =
      Pattern.compile(
          "Connection closed: id=(\\S+) stream=(\\S+) transport=\\S+ remote=\\S+ duration=\\S+"
              + " reason=(\\w+)");
  private static final Pattern SHUT_DOWN = Pattern.compile("Connection (\\S+): handler shut down");

  private static PayaraServer payara;

  @BeforeAll
  static void startPayara() {
    payara = PayaraServer.start("lifecycle", 1, null, Map.of());
  }

  @AfterAll
  static void stopPayara() {
    if (payara != null) {
      payara.stop();
    }
  }

  @Test
  @Order(1)
  void redeploysKeepStreamingWithoutGrowingNativeThreads() throws Exception {
    assertThat(payara.base().getPath()).isEqualTo(ROOT + "/");
    List<Long> nativeThreads = new ArrayList<>();
    List<Long> afterUndeploy = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      if (i > 0) {
        payara.deploy(ROOT);
      }
      try (ClientPeer peer = ItSupport.connectedToneClient(payara.stream("echo"), 440)) {
        ItSupport.assertHears(peer, 440);
      }
      try (ClientPeer camera =
          ClientPeer.builder(payara.stream("flip"))
              .direction(MediaDirection.NONE)
              .video(MediaDirection.SEND_RECEIVE)
              .build()) {
        assertThat(camera.connect().isAnswer()).isTrue();
        camera.awaitConnected(ItSupport.CONNECT);
        camera.videoCapture().awaitFrames(10, ItSupport.CONNECT);
      }
      Await.until(
          () ->
              ItSupport.activeConnections(payara.base(), "echo") == 0
                  && ItSupport.activeConnections(payara.base(), "flip") == 0,
          Duration.ofSeconds(10),
          () -> "echo and flip connections closed");
      Thread.sleep(500);
      nativeThreads.add(RedeployIT.libwebrtcThreads(payara.pid()));
      payara.undeploy();
      Thread.sleep(500);
      afterUndeploy.add(RedeployIT.libwebrtcThreads(payara.pid()));
    }
    payara.deploy(ROOT);
    System.out.println(
        "payara: libwebrtc threads with each of 3 deployments: "
            + nativeThreads
            + ", after each undeploy: "
            + afterUndeploy);
    assertThat(nativeThreads).allSatisfy(n -> assertThat(n).isEqualTo(nativeThreads.get(0)));
    assertThat(afterUndeploy).allSatisfy(n -> assertThat(n).isEqualTo(afterUndeploy.get(0)));
    assertThat(afterUndeploy.get(0)).isLessThan(nativeThreads.get(0));
    assertThat(payara.log()).doesNotContain("This web container has not yet been started");
  }

  @Test
  @Order(2)
  void stoppingTheServerClosesEveryConnectionAndRunsEveryShutdown() throws Exception {
    ClientPeer echo = null;
    ClientPeer flip = null;
    try (AudioSocket socket = AudioSocket.open(payara.base(), "websocket/offer", 24_000);
        PacedSignal mic = socket.microphone(48_000);
        TwilioCall call =
            new TwilioCall(
                AudioSocket.webSocketUri(payara.base(), "telephone/handler"), "MZpayarastop")) {
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

      int before = payara.log().length();
      payara.stop();

      String log = payara.log().substring(before);
      List<String> closed = matches(CLOSED, log, 1);
      List<String> shutDown = matches(SHUT_DOWN, log, 1);
      System.out.printf(
          "payara stop: closed %s; handlers shut down %s; reasons %s%n",
          closed, shutDown, matches(CLOSED, log, 3));
      assertThat(closed).as("connections closed").containsExactlyInAnyOrderElementsOf(ids);
      assertThat(matches(CLOSED, log, 3)).as("close reasons").containsOnly("server_stop");
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
