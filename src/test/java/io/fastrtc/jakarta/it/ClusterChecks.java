package io.fastrtc.jakarta.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.fastrtc.jakarta.testing.Await;
import io.fastrtc.jakarta.testing.ClientPeer;
import io.fastrtc.jakarta.testing.OfferResult;
import io.fastrtc.jakarta.testing.SseReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** What {@link ClusterIT} asks of the rig: counts per node, timed requests, tones, medians. */
final class ClusterChecks {
  static final Duration WAIT = Duration.ofSeconds(20);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private ClusterChecks() {}

  /** Live connections on one node ({@code GET /api/status}, this node's own registry). */
  static int connections(LibertyNode node) {
    try {
      return ItSupport.getJson(node.base() + "/api/status").getInt("connections");
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** Waits until the two nodes hold {@code n1} and {@code n2} live connections. */
  static void awaitConnections(LibertyNode a, int n1, LibertyNode b, int n2) {
    Await.until(
        () -> connections(a) == n1 && connections(b) == n2,
        WAIT,
        () -> "connections " + n1 + "/" + n2 + "; now " + connections(a) + "/" + connections(b));
  }

  /** Median milliseconds of {@code count} POSTs of {@code /input_hook} (after 3 unmeasured). */
  static double medianInputHookMillis(String url, String id, int count) throws Exception {
    List<Double> ms = new ArrayList<>();
    for (int i = 0; i < count + 3; i++) {
      String body = "{\"webrtc_id\":\"" + id + "\",\"frequency\":" + (600 + (i % 2) * 20) + "}";
      long t0 = System.nanoTime();
      HttpResponse<String> r = ItSupport.postJson(url, body);
      double took = (System.nanoTime() - t0) / 1e6;
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      if (i >= 3) {
        ms.add(took);
      }
    }
    return median(ms);
  }

  static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }

  /** Reads {@code count} outputs and records when each id arrived (nanoTime). */
  static Map<String, Long> arrivals(SseReader reader, int count) throws InterruptedException {
    Map<String, Long> at = new ConcurrentHashMap<>();
    for (int i = 0; i < count; i++) {
      SseReader.Event e = reader.next(WAIT);
      assertThat(e).as("output %d of %d", i, count).isNotNull();
      if ("output".equals(e.name())) {
        at.put(e.id(), System.nanoTime());
      }
    }
    return at;
  }

  /** An offer that must be refused with {@code error}; the client is closed. */
  static void assertRefused(String streamUrl, String error) {
    try (ClientPeer peer = ClientPeer.builder(streamUrl).build()) {
      OfferResult r = peer.connect();
      assertThat(r.isFailed()).as("offer to %s: %s", streamUrl, r.body()).isTrue();
      assertThat(r.error()).as(r.body()).isEqualTo(error);
    }
  }

  /** Whether an offer to the stream is admitted now (the client is closed again). */
  static boolean admitted(String streamUrl) {
    try (ClientPeer peer = ClientPeer.builder(streamUrl).build()) {
      if (!peer.connect().isAnswer()) {
        return false;
      }
      // Connected, so that closing it ends the server's connection at once (an offer left
      // unconnected would hold its slot until the 30 s connect watchdog).
      peer.awaitConnected(ItSupport.CONNECT);
      return true;
    }
  }

  /**
   * Connections set up per second: {@code total} clients of {@code streamUrl} (offer answered and
   * ICE connected), {@code parallel} at a time; each is closed once connected.
   */
  static double connectionsPerSecond(String streamUrl, int total, int parallel) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(parallel);
    try {
      long t0 = System.nanoTime();
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < total; i++) {
        done.add(
            pool.submit(
                () -> {
                  try (ClientPeer peer = ClientPeer.builder(streamUrl).build()) {
                    assertThat(peer.connect().isAnswer()).isTrue();
                    peer.awaitConnected(ItSupport.CONNECT);
                  }
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
      return total / ((System.nanoTime() - t0) / 1e9);
    } finally {
      pool.shutdownNow();
    }
  }

  /** HAProxy's view of one server in backend {@code by_body_id}: UP, DOWN, ... */
  static String balancerStatus(String statsBase, String server) {
    try {
      String csv =
          HTTP.send(
                  HttpRequest.newBuilder(URI.create(statsBase + "/;csv")).build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      for (String line : csv.split("\n")) {
        String[] f = line.split(",");
        if (f.length > 17 && f[0].equals("by_body_id") && f[1].equals(server)) {
          return f[17];
        }
      }
      return "absent";
    } catch (Exception e) {
      return "unreachable: " + e;
    }
  }

  static void awaitBalancerStatus(String statsBase, String server, String status) {
    Await.until(
        () -> balancerStatus(statsBase, server).startsWith(status),
        WAIT,
        () -> server + " " + status + " at the balancer; now " + balancerStatus(statsBase, server));
  }

  static void closeAll(List<? extends AutoCloseable> all) {
    for (AutoCloseable c : all) {
      try {
        c.close();
      } catch (Exception e) {
        // best effort
      }
    }
    all.clear();
  }
}
