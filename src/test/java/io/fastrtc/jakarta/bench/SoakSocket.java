package io.fastrtc.jakarta.bench;

import io.fastrtc.jakarta.testing.G711;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * One soak cycle over FastRTC's WebSocket ({@code /websocket/offer}, 8 kHz µ-law): {@code start}, a
 * paced 440 Hz tone in 20 ms {@code media} messages, then either a proper close (a close frame, the
 * server's close awaited) or a vanish: {@link WebSocket#abort()} drops the TCP connection without a
 * close frame.
 */
final class SoakSocket {
  private static final int RATE = 8000;
  private static final int CHUNK = RATE / 50; // 20 ms
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private final ByteArrayOutputStream received = new ByteArrayOutputStream();
  private final CompletableFuture<Integer> closedByServer = new CompletableFuture<>();
  private long mediaMessages;

  /**
   * Runs one cycle and returns null when it worked, else what failed.
   *
   * @param uri e.g. {@code ws://localhost:9361/websocket/offer}
   * @param id the {@code websocket_id}
   * @param streamSeconds how long the tone is sent
   * @param vanish drop the connection without a close frame instead of closing it
   */
  static String cycle(URI uri, String id, double streamSeconds, boolean vanish) {
    return new SoakSocket().run(uri, id, streamSeconds, vanish);
  }

  private String run(URI uri, String id, double streamSeconds, boolean vanish) {
    WebSocket ws;
    try {
      ws =
          HTTP.newWebSocketBuilder()
              .connectTimeout(Duration.ofSeconds(10))
              .buildAsync(uri, new Listener())
              .get(15, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "ws: interrupted";
    } catch (Exception e) {
      return "ws: open failed: " + e.getClass().getSimpleName();
    }
    try {
      ws.sendText("{\"event\":\"start\",\"websocket_id\":\"" + id + "\"}", true).join();
      long period = 20_000_000L;
      long t0 = System.nanoTime();
      int chunks = (int) Math.round(streamSeconds * 50);
      double phase = 0;
      for (int k = 0; k < chunks; k++) {
        short[] pcm = new short[CHUNK];
        for (int i = 0; i < CHUNK; i++) {
          pcm[i] = (short) Math.round(8000 * Math.sin(phase));
          phase += 2 * Math.PI * 440 / RATE;
        }
        String payload = Base64.getEncoder().encodeToString(G711.encode(pcm));
        ws.sendText("{\"event\":\"media\",\"media\":{\"payload\":\"" + payload + "\"}}", true)
            .get(5, TimeUnit.SECONDS);
        long wait = t0 + (k + 1) * period - System.nanoTime();
        if (wait > 0) {
          TimeUnit.NANOSECONDS.sleep(wait);
        }
        if (closedByServer.isDone()) {
          return "ws: closed by the server (" + closedByServer.join() + ") while streaming";
        }
      }
      String echo = checkEcho();
      if (vanish) {
        ws.abort(); // no close frame: the TCP connection just goes away
        return echo;
      }
      ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);
      closedByServer.get(10, TimeUnit.SECONDS);
      return echo;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      ws.abort();
      return "ws: interrupted";
    } catch (Exception e) {
      ws.abort();
      return "ws: " + e.getClass().getSimpleName() + " " + e.getMessage();
    }
  }

  /** The echo of the last 0.5 s received must carry the tone. */
  private synchronized String checkEcho() {
    short[] pcm = G711.decode(received.toByteArray());
    int n = Math.min(pcm.length, RATE / 2);
    if (n < RATE / 4) {
      return "ws: echo too short ("
          + mediaMessages
          + " media messages, "
          + pcm.length
          + " samples)";
    }
    double sum = 0;
    for (int i = pcm.length - n; i < pcm.length; i++) {
      sum += (double) pcm[i] * pcm[i];
    }
    double rms = Math.sqrt(sum / n);
    return rms >= SoakBenchmark.MIN_ECHO_RMS ? null : String.format("ws: echo RMS %.0f", rms);
  }

  private synchronized void media(String text) {
    int at = text.indexOf("\"payload\":\"");
    if (at < 0) {
      return;
    }
    int from = at + 11;
    int to = text.indexOf('"', from);
    received.writeBytes(Base64.getDecoder().decode(text.substring(from, to)));
    mediaMessages++;
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String text = partial.toString();
        partial.setLength(0);
        if (text.startsWith("{\"event\":\"media\"")) {
          media(text);
        }
      }
      ws.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int code, String reason) {
      closedByServer.complete(code);
      return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
      closedByServer.complete(1006);
    }
  }
}
