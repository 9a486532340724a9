package io.fastrtc.jakarta.it;

import static io.fastrtc.jakarta.it.ClusterChecks.WAIT;
import static io.fastrtc.jakarta.it.ClusterChecks.admitted;
import static io.fastrtc.jakarta.it.ClusterChecks.assertRefused;
import static io.fastrtc.jakarta.it.ClusterChecks.awaitConnections;
import static io.fastrtc.jakarta.it.ClusterChecks.connections;
import static io.fastrtc.jakarta.it.ItSupport.assertConsecutive;
import static io.fastrtc.jakarta.it.ItSupport.assertHears;
import static io.fastrtc.jakarta.it.ItSupport.connectedToneClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fastrtc.jakarta.testing.Audio;
import io.fastrtc.jakarta.testing.Await;
import io.fastrtc.jakarta.testing.ClientPeer;
import io.fastrtc.jakarta.testing.SseReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two Liberty nodes behind HAProxy, coordinated by Redis ({@link ClusterRig}, started here): echo
 * spread over both nodes, {@code /input_hook} and {@code /outputs} on the wrong node, one limit
 * across the cluster, then the drills in order: Redis stopped and restarted, node 2 drained, node 2
 * killed with SIGKILL. Prints the figures docs/scaling.md quotes.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {
  private static ClusterRig rig;
  private static LibertyNode n1;
  private static LibertyNode n2;

  /** Kept from the drain drill to the kill drill. */
  private static final List<ClientPeer> HELD = new ArrayList<>();

  @BeforeAll
  static void startRig() throws Exception {
    assumeTrue(ClusterRig.toolsPresent(), "redis-server and haproxy are not installed");
    rig = new ClusterRig().start();
    n1 = rig.n1;
    n2 = rig.n2;
    ClusterChecks.awaitBalancerStatus(rig.stats(), "n1", "UP");
    ClusterChecks.awaitBalancerStatus(rig.stats(), "n2", "UP");
  }

  @AfterAll
  static void stopRig() throws Exception {
    ClusterChecks.closeAll(HELD);
    if (rig != null) {
      rig.close();
    }
  }

  /** The count: 20 echoes, 300 to 1060 Hz, 40 Hz apart. */
  private static final int ECHOES = 20;

  private static String via(String base, String stream) {
    return base + "/streams/" + stream;
  }

  @Test
  @Order(10)
  void twentyEchoConnectionsThroughTheBalancerSpreadOverBothNodesEachWithItsTone()
      throws Exception {
    List<ClientPeer> peers = new ArrayList<>();
    try {
      for (int i = 0; i < ECHOES; i++) {
        peers.add(connectedToneClient(via(rig.balancer(), "echo"), 300 + 40 * i));
      }
      for (int i = 0; i < ECHOES; i++) {
        assertHears(peers.get(i), 300 + 40 * i);
      }
      int on1 = connections(n1);
      int on2 = connections(n2);
      System.out.printf(
          "cluster: %d echo connections through HAProxy: n1 %d, n2 %d%n", ECHOES, on1, on2);
      assertThat(on1 + on2).isEqualTo(ECHOES);
      assertThat(on1).as("on n1").isPositive();
      assertThat(on2).as("on n2").isPositive();
    } finally {
      ClusterChecks.closeAll(peers);
    }
    awaitConnections(n1, 0, n2, 0);
  }

  @Test
  @Order(20)
  void inputHookOnTheWrongNodeReachesTheOwner() throws Exception {
    try (ClientPeer peer = ClientPeer.builder(via(rig.balancer(), "tone")).build()) {
      assertThat(peer.connect().isAnswer()).isTrue();
      peer.awaitConnected(ItSupport.CONNECT);
      Await.until(() -> connections(n1) + connections(n2) == 1, WAIT, () -> "one connection");
      LibertyNode owner = connections(n1) == 1 ? n1 : n2;
      LibertyNode other = owner == n1 ? n2 : n1;
      String id = peer.webrtcId();
      HttpResponse<String> r =
          ItSupport.postJson(
              other.base() + "/input_hook", "{\"webrtc_id\":\"" + id + "\",\"frequency\":880}");
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      assertThat(r.headers().firstValue("X-FastRTC-Forwarded-By")).contains(other.name());
      ItSupport.awaitFrequency(peer, 880);
      double direct = ClusterChecks.medianInputHookMillis(owner.base() + "/input_hook", id, 20);
      double forwarded = ClusterChecks.medianInputHookMillis(other.base() + "/input_hook", id, 20);
      System.out.printf(
          "cluster: /input_hook median %.1f ms on the owner, %.1f ms from the other node"
              + " (forwarding adds %.1f ms)%n",
          direct, forwarded, forwarded - direct);
    }
    awaitConnections(n1, 0, n2, 0);
  }

  @Test
  @Order(30)
  void outputsOnEitherNodeArriveInOrderAndResumeAfterLastEventId() throws Exception {
    ClientPeer peer = connectedToneClient(via(rig.balancer(), "counter"), 440);
    try {
      Await.until(() -> connections(n1) + connections(n2) == 1, WAIT, () -> "one connection");
      LibertyNode owner = connections(n1) == 1 ? n1 : n2;
      LibertyNode other = owner == n1 ? n2 : n1;
      String query = "/outputs?webrtc_id=" + peer.webrtcId();
      try (SseReader local = SseReader.open(URI.create(owner.base() + query), null);
          SseReader remote = SseReader.open(URI.create(other.base() + query), null)) {
        assertThat(local.status()).isEqualTo(200);
        assertThat(remote.status()).as(remote.errorBody()).isEqualTo(200);
        CompletableFuture<Map<String, Long>> atOwner =
            CompletableFuture.supplyAsync(() -> read(local));
        Map<String, Long> atOther = ClusterChecks.arrivals(remote, 200);
        Map<String, Long> first = atOwner.get();
        List<Double> added = new ArrayList<>();
        for (Map.Entry<String, Long> e : atOther.entrySet()) {
          Long t = first.get(e.getKey());
          if (t != null) {
            added.add((e.getValue() - t) / 1e6);
          }
        }
        assertThat(added).as("outputs seen on both nodes").hasSizeGreaterThan(100);
        System.out.printf(
            "cluster: SSE output from another node arrives a median %.1f ms after the owner's"
                + " (%d outputs compared)%n",
            ClusterChecks.median(added), added.size());
        // A subscriber that reconnects to the other node with Last-Event-ID misses nothing and
        // gets nothing twice: the next output is the one after the last it saw.
        long lastSeen = atOther.keySet().stream().mapToLong(Long::parseLong).max().orElseThrow();
        try (SseReader resumed =
            SseReader.open(URI.create(other.base() + query), Long.toString(lastSeen))) {
          assertThat(resumed.status()).as(resumed.errorBody()).isEqualTo(200);
          SseReader.Event next = resumed.next("output", 1, WAIT).get(0);
          System.out.printf(
              "cluster: resumed on the other node after Last-Event-ID %d: next output %s%n",
              lastSeen, next.id());
          assertThat(Long.parseLong(next.id())).isEqualTo(lastSeen + 1);
        }
      }
    } finally {
      peer.close();
    }
    awaitConnections(n1, 0, n2, 0);
  }

  private static Map<String, Long> read(SseReader reader) {
    try {
      return ClusterChecks.arrivals(reader, 200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  @Order(35)
  void aWebSocketSessionOnEitherNodeTakesInputsFromBothNodesAndItsOutputsAreReadOnTheOther()
      throws Exception {
    String id = "ws-cluster-" + System.nanoTime();
    try (AudioSocket socket =
        AudioSocket.open(new URL(rig.balancer() + "/"), "streams/tone/websocket/offer", 8000)) {
      socket.start(id);
      Await.until(() -> socket.receivedSeconds() > 1, WAIT, () -> "a second of the tone");
      double before = socketFrequency(socket);
      HttpResponse<String> a = inputHook(n1, id, 880);
      HttpResponse<String> b = inputHook(n2, id, 1320);
      assertThat(a.statusCode()).as(a.body()).isEqualTo(200);
      assertThat(b.statusCode()).as(b.body()).isEqualTo(200);
      long forwarded =
          List.of(a, b).stream()
              .filter(r -> r.headers().firstValue("X-FastRTC-Forwarded-By").isPresent())
              .count();
      assertThat(forwarded).as("requests forwarded to the session's node").isEqualTo(1);
      Await.until(
          () -> Math.abs(socketFrequency(socket) / before - 2) < 0.05,
          WAIT,
          () -> "the tone at 1320/660 of before; now " + socketFrequency(socket) / before);
      System.out.printf(
          "cluster: WebSocket session (id in its first frame) on %s; inputs posted to both nodes"
              + " reached it%n",
          a.headers().firstValue("X-FastRTC-Forwarded-By").isPresent() ? n2.name() : n1.name());
    }
    awaitConnections(n1, 0, n2, 0);
    webSocketOutputsReadOnTheOtherNode();
    awaitConnections(n1, 0, n2, 0);
  }

  /**
   * A WebSocket session of the {@code counter} stream (one output per 20 ms of audio received, here
   * silence at its input rate, 48 kHz) through HAProxy: its {@code /outputs} read on the node that
   * does not own it come in order, each the counter's own.
   */
  private static void webSocketOutputsReadOnTheOtherNode() throws Exception {
    String id = "ws-outputs-" + System.nanoTime();
    try (AudioSocket socket =
            AudioSocket.open(
                new URL(rig.balancer() + "/"), "streams/counter/websocket/offer", 24_000);
        PacedSignal microphone = socket.microphone(48_000)) {
      socket.start(id);
      microphone.silence();
      Await.until(() -> connections(n1) + connections(n2) == 1, WAIT, () -> "one connection");
      LibertyNode owner = connections(n1) == 1 ? n1 : n2;
      LibertyNode other = owner == n1 ? n2 : n1;
      try (SseReader remote =
          SseReader.open(URI.create(other.base() + "/outputs?webrtc_id=" + id), null)) {
        assertThat(remote.status()).as(remote.errorBody()).isEqualTo(200);
        List<SseReader.Event> outputs = remote.next("output", 50, WAIT);
        assertConsecutive(outputs, id);
        System.out.printf(
            "cluster: WebSocket session on %s; its /outputs read on %s: outputs %s to %s, in"
                + " order%n",
            owner.name(), other.name(), outputs.get(0).id(), outputs.get(49).id());
      }
    }
  }

  private static HttpResponse<String> inputHook(LibertyNode node, String id, int hz)
      throws Exception {
    return ItSupport.postJson(
        node.base() + "/input_hook", "{\"webrtc_id\":\"" + id + "\",\"frequency\":" + hz + "}");
  }

  private static double socketFrequency(AudioSocket socket) {
    return Audio.dominantFrequency(socket.lastReceived(0.3), 8000);
  }

  @Test
  @Order(40)
  void aLimitOfThreeHoldsAcrossTheCluster() throws Exception {
    List<ClientPeer> peers = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) {
        peers.add(connectedToneClient(via(rig.balancer(), "limited"), 440));
      }
      System.out.printf(
          "cluster: limit 3 of 'limited': n1 %d, n2 %d%n", connections(n1), connections(n2));
      assertRefused(via(rig.balancer(), "limited"), "concurrency_limit_reached");
      assertRefused(via(n1.base(), "limited"), "concurrency_limit_reached");
      assertRefused(via(n2.base(), "limited"), "concurrency_limit_reached");
      peers.remove(0).close();
      Await.until(() -> admitted(via(n1.base(), "limited")), WAIT, () -> "a slot free again");
    } finally {
      ClusterChecks.closeAll(peers);
    }
    awaitConnections(n1, 0, n2, 0);
  }

  @Test
  @Order(50)
  void redisStoppedRefusesNewOffersKeepsLiveMediaAndRecovers() throws Exception {
    try (ClientPeer live = connectedToneClient(via(rig.balancer(), "echo"), 500)) {
      assertHears(live, 500);
      rig.stopRedis();
      assertRefused(via(n1.base(), "echo"), "cluster_unavailable");
      assertRefused(via(n2.base(), "echo"), "cluster_unavailable");
      assertHears(live, 500);
      rig.startRedis();
      long t0 = System.nanoTime();
      Await.until(() -> admitted(via(rig.balancer(), "echo")), WAIT, () -> "admitted again");
      System.out.printf(
          "cluster: Redis restarted; a new offer was admitted %.1f s later%n",
          (System.nanoTime() - t0) / 1e9);
      assertHears(live, 500);
    }
    awaitConnections(n1, 0, n2, 0);
  }

  @Test
  @Order(60)
  void drainingNodeTwoSendsNewOffersToNodeOne() throws Exception {
    double two = ClusterChecks.connectionsPerSecond(via(rig.balancer(), "echo"), 12, 3);
    awaitConnections(n1, 0, n2, 0);
    HELD.add(connectedToneClient(via(n2.base(), "limited"), 440));
    HELD.add(connectedToneClient(via(n2.base(), "limited"), 440));
    HELD.add(connectedToneClient(via(n1.base(), "echo"), 700));
    HttpResponse<String> drain =
        ItSupport.postJson(n2.base() + "/api/drain", "{\"deadline_seconds\": 600}");
    assertThat(drain.statusCode()).as(drain.body()).isEqualTo(202);
    assertThat(n2.status("/health/ready")).isEqualTo(503);
    ClusterChecks.awaitBalancerStatus(rig.stats(), "n2", "DOWN");
    List<ClientPeer> fresh = new ArrayList<>();
    try {
      for (int i = 0; i < 6; i++) {
        fresh.add(connectedToneClient(via(rig.balancer(), "echo"), 440));
      }
      awaitConnections(n1, 7, n2, 2);
    } finally {
      ClusterChecks.closeAll(fresh);
    }
    awaitConnections(n1, 1, n2, 2);
    double one = ClusterChecks.connectionsPerSecond(via(rig.balancer(), "echo"), 12, 3);
    System.out.printf(
        "cluster: connections set up through HAProxy (12, 3 at a time): %.1f/s with two nodes,"
            + " %.1f/s with one (n2 drained)%n",
        two, one);
  }

  @Test
  @Order(70)
  void aKilledNodesSlotsReturnAfterTheLeaseAndTheOtherNodeKeepsStreaming() throws Exception {
    assertThat(HELD).as("connections kept by the drain drill").hasSize(3);
    awaitConnections(n1, 1, n2, 2);
    HELD.add(connectedToneClient(via(n1.base(), "limited"), 440)); // the third slot
    assertRefused(via(n1.base(), "limited"), "concurrency_limit_reached");
    n2.kill();
    long killed = System.nanoTime();
    Await.until(() -> admitted(via(n1.base(), "limited")), WAIT, () -> "a dead node's slot");
    System.out.printf(
        "cluster: SIGKILL of n2; its slot was free again after %.1f s (lease %d ms)%n",
        (System.nanoTime() - killed) / 1e9, ClusterRig.LEASE_MS);
    assertHears(HELD.get(2), 700);
    Await.until(() -> connections(n1) == 2, WAIT, () -> "n1 holds " + connections(n1));
  }
}
