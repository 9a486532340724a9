package io.fastrtc.jakarta.it;

import io.fastrtc.jakarta.testing.ClientPeer;
import java.time.Duration;

/**
 * A client that connects, streams a tone and then waits to be killed, run in its own JVM so the
 * test can make it vanish without closing anything: {@code VanishingClient <stream url>}.
 */
public final class VanishingClient {
  private VanishingClient() {}

  /** Connects and blocks; prints {@code CONNECTED <id>} once media flows. */
  public static void main(String[] args) throws Exception {
    ClientPeer peer = ClientPeer.builder(args[0]).build();
    if (!peer.connect().isAnswer()) {
      System.out.println("FAILED");
      System.exit(2);
    }
    peer.awaitConnected(Duration.ofSeconds(15));
    peer.startTone(440, 0.3);
    System.out.println("CONNECTED " + peer.webrtcId());
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
