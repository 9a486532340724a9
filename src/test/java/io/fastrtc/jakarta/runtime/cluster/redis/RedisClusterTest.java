package io.fastrtc.jakarta.runtime.cluster.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fastrtc.jakarta.runtime.cluster.Cluster;
import io.fastrtc.jakarta.runtime.config.Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two cluster nodes (two {@link RedisCluster}s, as two servers would hold them) against a real
 * redis-server on port 6391: one limit across both, a dead node's slots returning after the lease,
 * the owner registry, outputs read on the other node with resume, and a Redis restart.
 */
class RedisClusterTest {
  private static final int LEASE_MS = 900;

  private final List<Cluster> nodes = new ArrayList<>();
  private ScheduledExecutorService scheduler;
  private ExecutorService executor;
  private RedisProcess redis;

  @BeforeEach
  void startRedis() throws Exception {
    assumeTrue(RedisProcess.available(), "redis-server is not installed");
    redis = new RedisProcess(Integer.getInteger("cluster.redis.port", 6391)).start();
    scheduler = Executors.newScheduledThreadPool(2);
    executor = Executors.newCachedThreadPool();
  }

  @AfterEach
  void stopAll() throws Exception {
    nodes.forEach(Cluster::close);
    if (scheduler != null) {
      scheduler.shutdownNow();
      executor.shutdownNow();
    }
    if (redis != null) {
      redis.stop();
    }
  }

  private Cluster node(String id) {
    Cluster c =
        RedisCluster.start(
            Settings.from(
                    Map.of(
                        "fastrtc.cluster.redis-uri",
                        redis.uri(),
                        "fastrtc.cluster.node-id",
                        id,
                        "fastrtc.cluster.node-address",
                        "http://127.0.0.1:1/" + id,
                        "fastrtc.cluster.timeout-ms",
                        "1000",
                        "fastrtc.cluster.lease-ms",
                        Integer.toString(LEASE_MS)))
                .cluster(),
            executor,
            scheduler);
    nodes.add(c);
    return c;
  }

  @Test
  void aLimitOfThreeHoldsAcrossTwoNodes() {
    Cluster a = node("a");
    Cluster b = node("b");
    Cluster.Joined first = a.join("echo", "c1", 3);
    assertThat(first.member()).isNotNull();
    assertThat(a.join("echo", "c2", 3).member()).isNotNull();
    assertThat(b.join("echo", "c3", 3).member()).isNotNull();
    assertThat(b.join("echo", "c4", 3).refusal()).isEqualTo(Cluster.Refusal.FULL);
    assertThat(a.join("echo", "c5", 3).refusal()).isEqualTo(Cluster.Refusal.FULL);
    assertThat(b.join("other", "c6", 3).member()).as("another stream's slots").isNotNull();
    first.member().leave();
    awaitTrue(() -> b.join("echo", "c4", 3).member() != null, 5_000);
  }

  @Test
  void aDeadNodesSlotsReturnAfterTheLease() throws Exception {
    Cluster a = node("a");
    Cluster b = node("b");
    for (int i = 0; i < 3; i++) {
      assertThat(a.join("echo", "a" + i, 3).member()).isNotNull();
    }
    // Renewals keep them for several leases.
    Thread.sleep(2L * LEASE_MS);
    assertThat(b.join("echo", "b0", 3).refusal()).isEqualTo(Cluster.Refusal.FULL);
    a.close(); // the node dies: no leave, no renewal
    long t0 = System.nanoTime();
    awaitTrue(() -> b.join("echo", "b0", 3).member() != null, 10_000);
    long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
    System.out.printf("dead node's slot back after %d ms (lease %d ms)%n", ms, LEASE_MS);
  }

  @Test
  void theOtherNodeFindsTheOwnerAndReadsItsOutputsInOrderWithResume() throws Exception {
    Cluster a = node("a");
    Cluster b = node("b");
    Cluster.Member member = a.join("echo", "c1", 3).member();
    assertThat(b.ownerAddress("c1")).contains("http://127.0.0.1:1/a");
    assertThat(a.ownerAddress("c1")).as("its own connection").isEmpty();
    assertThat(b.ownerAddress("nobody")).isEmpty();
    for (int i = 1; i <= 3; i++) {
      member.output(i, "[" + i + "]");
    }
    List<String> got = new CopyOnWriteArrayList<>();
    CountDownLatch ended = new CountDownLatch(1);
    boolean found =
        b.subscribeOutputs(
            "c1",
            1, // Last-Event-ID 1: resume after the first
            new Cluster.OutputListener() {
              @Override
              public void onOutput(long sequence, String data) {
                got.add(sequence + ":" + data);
              }

              @Override
              public void onEnd() {
                ended.countDown();
              }
            });
    assertThat(found).isTrue();
    member.output(4, "[4]");
    awaitTrue(() -> got.size() == 3, 5_000);
    member.leave();
    assertThat(ended.await(5, TimeUnit.SECONDS)).as("ended with the connection").isTrue();
    assertThat(got).containsExactly("2:[2]", "3:[3]", "4:[4]");
    assertThat(b.subscribeOutputs("nobody", 0, null)).isFalse();
  }

  @Test
  void whileRedisIsAwayNewConnectionsAreRefusedAndAfterItReturnsLeasesComeBack() throws Exception {
    Cluster a = node("a");
    Cluster b = node("b");
    assertThat(a.join("echo", "live", 1).member()).isNotNull();
    redis.stop();
    assertThat(b.join("echo", "new", 1).refusal()).isEqualTo(Cluster.Refusal.UNAVAILABLE);
    redis.start(); // empty: no persistence
    // The live connection's node renews its lease and owner entry into the fresh Redis.
    awaitTrue(() -> b.ownerAddress("live").isPresent(), 15_000);
    assertThat(b.join("echo", "new", 1).refusal()).isEqualTo(Cluster.Refusal.FULL);
    assertThat(b.join("other", "new", 1).member()).isNotNull();
  }

  private static void awaitTrue(BooleanSupplier condition, long millis) {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not true within " + millis + " ms");
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
