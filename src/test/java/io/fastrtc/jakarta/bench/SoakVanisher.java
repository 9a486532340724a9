package io.fastrtc.jakarta.bench;

import io.fastrtc.jakarta.testing.NativeWebRtc;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * The soak's vanishing WebRTC clients, in a JVM of their own so that the soak can kill it
 * (SIGKILL): its peers then stop without a word (no close, no DTLS alert, no SCTP abort; the UDP
 * sockets just go), as when a browser crashes or a network drops. It prints {@code READY} once
 * libwebrtc is up, then for each {@code <base url> <webrtc id> <seconds>} line it reads, runs
 * {@link SoakWebRtc#stream} in a thread of its own and prints {@code DONE <id> <failure or ok>}; it
 * never closes a peer.
 */
public final class SoakVanisher {
  private SoakVanisher() {}

  /** Reads requests from standard input until it is killed. */
  public static void main(String[] args) throws Exception {
    NativeWebRtc.factory(); // libwebrtc up before the first request
    System.out.println("READY");
    System.out.flush();
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      String[] f = line.trim().split(" ");
      if (f.length != 3) {
        continue;
      }
      Thread t =
          new Thread(
              () -> {
                String failure = SoakWebRtc.stream(f[0], f[1], Double.parseDouble(f[2]), true);
                synchronized (System.out) {
                  System.out.println("DONE " + f[1] + " " + (failure == null ? "ok" : failure));
                  System.out.flush();
                }
              },
              "vanisher-" + f[1]);
      t.start();
    }
    Thread.sleep(Long.MAX_VALUE); // stdin closed: wait to be killed
  }
}
