package io.fastrtc.jakarta.it;

import static io.fastrtc.jakarta.it.ItSupport.assertHears;
import static io.fastrtc.jakarta.it.ItSupport.stream;
import static org.assertj.core.api.Assertions.assertThat;

import io.fastrtc.jakarta.testing.ClientPeer;
import io.fastrtc.jakarta.testing.IceMode;
import io.fastrtc.jakarta.testing.OfferResult;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Media through the real server: a webrtc-java client checks what actually comes back. */
@ExtendWith(ArquillianExtension.class)
class EchoMediaIT {
  @ArquillianResource URL base;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ItSupport.warWithTestStreams();
  }

  @ParameterizedTest
  @EnumSource(IceMode.class)
  void echoReturnsTheToneInEveryClientIceVariant(IceMode mode) {
    try (ClientPeer peer =
        ClientPeer.builder(stream(base, "echo")).iceMode(mode).sendHandshake(true).build()) {
      OfferResult answer = peer.connect();
      assertThat(answer.isAnswer()).as(answer.body()).isTrue();
      assertThat(answer.sdp()).contains("a=candidate:").contains("webrtc-datachannel");
      peer.awaitConnected(ItSupport.CONNECT);
      peer.startTone(440, 0.3);
      assertHears(peer, 440);
      assertThat(
              peer.awaitMessage(m -> m.contains("Server received: handshake"), ItSupport.CONNECT))
          .isEqualTo("{\"type\":\"log\",\"data\":\"Server received: handshake\"}");
    }
  }

  @Test
  void fastRtcRootPathServesTheDefaultStream() {
    try (ClientPeer peer = ItSupport.connectedToneClient(ItSupport.root(base), 880)) {
      assertHears(peer, 880);
    }
  }

  @Test
  void receiveModeStreamsTheGeneratedTone() throws Exception {
    String heard = ItSupport.runClient(ToneListener.class, stream(base, "tone"), "HEARD");
    String[] parts = heard.split(" ");
    System.out.println("receive mode: " + heard);
    assertThat(Double.parseDouble(parts[1]))
        .isCloseTo(660, org.assertj.core.data.Offset.offset(10.0));
    assertThat(Double.parseDouble(parts[2])).isGreaterThan(1000);
  }
}
