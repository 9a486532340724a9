package io.fastrtc.jakarta.bench;

import io.fastrtc.jakarta.testing.ClientPeer;
import io.fastrtc.jakarta.testing.OfferResult;
import java.time.Duration;

/**
 * One soak cycle over WebRTC with the project's webrtc-java client ({@link ClientPeer}: trickled
 * candidates, the {@code "text"} data channel, a paced 440 Hz tone): connect, stream, check that
 * the echo of the last 0.5 s carries the tone, then close properly or (when vanishing) leave the
 * peer open for the caller to kill the whole process.
 */
final class SoakWebRtc {
  private SoakWebRtc() {}

  /**
   * Runs one cycle and returns null when it worked, else what failed.
   *
   * @param baseUrl the server, e.g. {@code http://localhost:9361}
   * @param id the {@code webrtc_id}
   * @param streamSeconds how long the tone is sent once connected
   * @param vanish leave the peer open (its process is killed later) instead of closing it
   */
  static String stream(String baseUrl, String id, double streamSeconds, boolean vanish) {
    ClientPeer peer = null;
    try {
      peer = ClientPeer.builder(baseUrl).webrtcId(id).build();
      OfferResult reply = peer.connect();
      if (!reply.isAnswer()) {
        return "webrtc: offer refused: " + reply.statusCode() + " " + reply.body();
      }
      peer.awaitConnected(Duration.ofSeconds(15));
      peer.startTone(440, 0.3);
      Thread.sleep(Math.round(streamSeconds * 1000));
      short[] echo = peer.receivedAudio(Duration.ofMillis(500));
      int rate = Math.max(1, peer.receivedSampleRate());
      if (echo.length < rate / 4) {
        return "webrtc: echo too short (" + echo.length + " samples)";
      }
      double sum = 0;
      for (short s : echo) {
        sum += (double) s * s;
      }
      double rms = Math.sqrt(sum / echo.length);
      return rms >= SoakBenchmark.MIN_ECHO_RMS ? null : String.format("webrtc: echo RMS %.0f", rms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "webrtc: interrupted";
    } catch (RuntimeException | AssertionError e) {
      return "webrtc: " + e.getClass().getSimpleName() + " " + e.getMessage();
    } finally {
      if (peer != null && !vanish) {
        peer.close();
      }
    }
  }
}
