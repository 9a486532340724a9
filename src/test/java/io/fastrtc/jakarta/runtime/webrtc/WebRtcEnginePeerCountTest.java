package io.fastrtc.jakarta.runtime.webrtc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onvoid.webrtc.RTCPeerConnection;
import io.fastrtc.jakarta.runtime.config.IceSettings;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The native peer gauge the soak watches: peers created minus peers released. */
@Tag("native")
class WebRtcEnginePeerCountTest {

  @Test
  void countsPeersUntilTheyAreReleased() {
    WebRtcEngine engine = WebRtcEngine.start(IceSettings.none());
    try {
      assertThat(engine.livePeers()).isZero();
      RTCPeerConnection first = engine.createPeerConnection(candidate -> {});
      RTCPeerConnection second = engine.createPeerConnection(candidate -> {});
      assertThat(engine.livePeers()).isEqualTo(2);
      assertThat(engine.peersCreated()).isEqualTo(2);

      engine.release(() -> PeerConnectionCloser.close(first));
      assertThat(engine.livePeers()).isEqualTo(1);
      engine.release(() -> PeerConnectionCloser.close(second));
      assertThat(engine.livePeers()).isZero();
      assertThat(engine.peersCreated()).isEqualTo(2);
    } finally {
      engine.close();
    }
  }
}
