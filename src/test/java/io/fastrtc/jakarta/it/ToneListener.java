package io.fastrtc.jakarta.it;

import io.fastrtc.jakarta.testing.Audio;
import io.fastrtc.jakarta.testing.ClientPeer;
import io.fastrtc.jakarta.testing.MediaDirection;
import java.time.Duration;

/**
 * A receive-only client in its own JVM: {@code ToneListener <stream url>} prints {@code HEARD <hz>
 * <rms> <frames>}. Receive-only tests run it in a fresh process because, inside one test JVM, the
 * headless audio device of webrtc-java stops delivering remote audio to a receive-only peer once a
 * send-and-receive peer has come and gone (a client-side quirk: the same server, called from fresh
 * JVMs in any order of echo and tone connections, streams every time).
 */
public final class ToneListener {
  private ToneListener() {}

  /** Connects, listens for three seconds and prints what it heard. */
  public static void main(String[] args) throws Exception {
    try (ClientPeer peer =
        ClientPeer.builder(args[0]).direction(MediaDirection.RECEIVE_ONLY).build()) {
      if (!peer.connect().isAnswer()) {
        System.out.println("FAILED");
        System.exit(2);
      }
      peer.awaitConnected(Duration.ofSeconds(15));
      Thread.sleep(3000);
      short[] last = peer.receivedAudio(Duration.ofSeconds(1));
      System.out.printf(
          "HEARD %.1f %.0f %d%n",
          Audio.dominantFrequency(last, peer.receivedSampleRate()),
          Audio.rms(last),
          peer.framesReceived());
    }
    System.exit(0);
  }
}
