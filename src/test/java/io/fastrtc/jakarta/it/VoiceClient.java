package io.fastrtc.jakarta.it;

import static io.fastrtc.jakarta.it.ItSupport.root;
import static io.fastrtc.jakarta.it.ItSupport.stream;
import static org.assertj.core.api.Assertions.assertThat;

import io.fastrtc.jakarta.testing.Audio;
import io.fastrtc.jakarta.testing.ClientPeer;
import io.fastrtc.jakarta.testing.SseReader;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.time.Duration;

/**
 * The client the spoken-turn ITs start with: a webrtc-java peer connected to a voice stream, its
 * received audio captured (the last 15 s kept), and an SSE reader on its {@code /outputs}, open
 * before anything is said. Closing it closes both.
 */
final class VoiceClient implements AutoCloseable {
  private static final Duration KEPT = Duration.ofSeconds(15);

  final ClientPeer peer;
  final SseReader outputs;

  private VoiceClient(ClientPeer peer, SseReader outputs) {
    this.peer = peer;
    this.outputs = outputs;
  }

  /**
   * Connects to the stream {@code name} of the deployment at {@code base} and opens its outputs.
   */
  static VoiceClient open(URL base, String name) throws IOException, InterruptedException {
    ClientPeer peer = ClientPeer.builder(stream(base, name)).receiveBuffer(KEPT).build();
    try {
      assertThat(peer.connect().isAnswer()).isTrue();
      peer.awaitConnected(ItSupport.CONNECT);
      peer.audioCapture();
      SseReader outputs =
          SseReader.open(URI.create(root(base) + "/outputs?webrtc_id=" + peer.webrtcId()), null);
      assertThat(outputs.status()).as(outputs.errorBody()).isEqualTo(200);
      return new VoiceClient(peer, outputs);
    } catch (IOException | InterruptedException | RuntimeException | Error e) {
      peer.close();
      throw e;
    }
  }

  /** The RMS of the last {@code millis} of received audio. */
  double level(int millis) {
    return Audio.rms(peer.receivedAudio(Duration.ofMillis(millis)));
  }

  @Override
  public void close() {
    outputs.close();
    peer.close();
  }
}
