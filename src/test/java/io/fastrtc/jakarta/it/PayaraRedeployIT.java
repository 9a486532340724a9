package io.fastrtc.jakarta.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.fastrtc.jakarta.testing.Await;
import io.fastrtc.jakarta.testing.ClientPeer;
import io.fastrtc.jakarta.testing.MediaDirection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Undeploying and deploying the packaged WAR again in one Payara Micro, as {@link RedeployIT} does
 * on Liberty: each new class loader loads libwebrtc again, audio and video stream each time, and
 * the old factory's native threads are gone (their count in the server process stays flat).
 */
class PayaraRedeployIT {

  @Test
  void redeploysKeepStreamingWithoutGrowingNativeThreads() throws Exception {
    try (PayaraServer payara = PayaraServer.start("redeploy", 2, "/", Map.of())) {
      List<Long> nativeThreads = new ArrayList<>();
      List<Long> afterUndeploy = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        if (i > 0) {
          payara.deploy("/");
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
      System.out.println("payara: libwebrtc threads after each of 4 deployments: " + nativeThreads);
      assertThat(nativeThreads).allSatisfy(n -> assertThat(n).isEqualTo(nativeThreads.get(0)));
      assertThat(afterUndeploy).allSatisfy(n -> assertThat(n).isEqualTo(afterUndeploy.get(0)));
      assertThat(afterUndeploy.get(0)).isLessThan(nativeThreads.get(0));
      assertThat(payara.log()).doesNotContain("This web container has not yet been started");
    }
  }
}
