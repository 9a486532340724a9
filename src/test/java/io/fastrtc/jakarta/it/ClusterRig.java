package io.fastrtc.jakarta.it;

import io.fastrtc.jakarta.it.iostreams.CounterStream;
import io.fastrtc.jakarta.testing.RedisServer;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;

/**
 * The two-node rig, started by the test itself: {@code redis-server} on its own port, two Liberty
 * servers ({@code fastrtcN1}, {@code fastrtcN2}) made from the IT server's runtime with the test
 * WAR in their {@code dropins}, started in parallel, and HAProxy with {@code cluster/haproxy.cfg}
 * templated to the test ports. {@link #close()} stops everything it started by process id (a JVM
 * shutdown hook does it too if the test JVM is ended first). Ports: {@code -Dcluster.port.base}
 * (default 9402): nodes at base and base+2 (HTTPS one above each), the balancer at base+18, its
 * statistics at base+19; Redis on {@code -Dcluster.redis.port} (default 6392).
 */
final class ClusterRig implements AutoCloseable {
  static final Path WORK = Path.of("target", "cluster").toAbsolutePath();
  static final Path REDIS = RedisServer.BINARY;
  static final Path HAPROXY = Path.of("/usr/sbin/haproxy");

  /** Lease of slots and owner entries on the nodes: short, so the kill drill is quick. */
  static final int LEASE_MS = 3000;

  private final int base = Integer.getInteger("cluster.port.base", 9402);
  private final int redisPort = Integer.getInteger("cluster.redis.port", 6392);
  private final Path wlp = Path.of("target", "liberty", "wlp").toAbsolutePath();
  final LibertyNode n1 = new LibertyNode(wlp, "fastrtcN1", base, base + 1);
  final LibertyNode n2 = new LibertyNode(wlp, "fastrtcN2", base + 2, base + 3);
  private final List<LibertyNode> nodes = List.of(n1, n2);
  private Process redis;
  private Process haproxy;
  private final Thread hook = new Thread(this::destroyAll, "cluster-rig-stop");

  /**
   * Whether redis-server and haproxy are installed; when they are not, the test is skipped, except
   * under {@code CI=true}, where it fails ({@code .ci/run} installs both).
   */
  static boolean toolsPresent() {
    boolean present = Files.isExecutable(REDIS) && Files.isExecutable(HAPROXY);
    if (!present && "true".equals(System.getenv("CI"))) {
      throw new AssertionError(REDIS + " or " + HAPROXY + " is missing: .ci/run installs them");
    }
    return present;
  }

  /** The balancer's base URL. */
  String balancer() {
    return "http://127.0.0.1:" + (base + 18);
  }

  /** HAProxy's statistics page. */
  String stats() {
    return "http://127.0.0.1:" + (base + 19);
  }

  String redisUri() {
    return "redis://127.0.0.1:" + redisPort;
  }

  /** Starts Redis, both nodes (in parallel) and HAProxy; stops what started if one fails. */
  ClusterRig start() throws Exception {
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      Files.createDirectories(WORK);
      Path war = WORK.resolve("fastrtc.war");
      ItSupport.warWithTestStreams()
          .addPackage(CounterStream.class.getPackage())
          .as(ZipExporter.class)
          .exportTo(war.toFile(), true);
      startRedis();
      long t0 = System.nanoTime();
      for (LibertyNode node : nodes) {
        node.configure(war, properties(node));
        node.start(WORK.resolve(node.name() + ".log"));
      }
      List<CompletableFuture<Void>> started = new ArrayList<>();
      for (LibertyNode node : nodes) {
        started.add(
            CompletableFuture.runAsync(
                () -> {
                  try {
                    node.awaitStarted(Duration.ofSeconds(120));
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                  }
                }));
      }
      CompletableFuture.allOf(started.toArray(CompletableFuture[]::new)).join();
      System.out.printf(
          "cluster rig: two Liberty nodes started in parallel and answering after %.1f s%n",
          (System.nanoTime() - t0) / 1e9);
      startHaproxy();
      return this;
    } catch (Exception | Error e) {
      close();
      throw e;
    }
  }

  private Map<String, String> properties(LibertyNode node) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("fastrtc.cluster.redis-uri", redisUri());
    p.put("fastrtc.cluster.node-id", node.name());
    p.put("fastrtc.cluster.node-address", node.base());
    p.put("fastrtc.cluster.timeout-ms", "1000");
    p.put("fastrtc.cluster.lease-ms", Integer.toString(LEASE_MS));
    p.put("fastrtc.stream.echo.concurrency-limit", "30");
    p.put("fastrtc.stream.limited.concurrency-limit", "3");
    // The WAR's demo assistant uses speech-to-text: without the model it would not deploy.
    String model = System.getProperty("fastrtc.speech.vosk.model");
    if (model != null) {
      p.put("fastrtc.speech.vosk.model", model);
    }
    return p;
  }

  /** Starts redis-server (again, after {@link #stopRedis()}) on the rig's port. */
  void startRedis() throws IOException, InterruptedException {
    redis =
        RedisServer.onLoopback(redisPort)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(WORK.resolve("redis.log").toFile()))
            .start();
    awaitPort(redisPort, "redis-server");
  }

  /** Stops redis-server by its process id (SIGTERM) and waits for it to exit. */
  void stopRedis() throws InterruptedException {
    stop(redis);
    redis = null;
  }

  private void startHaproxy() throws IOException, InterruptedException {
    String cfg =
        Files.readString(Path.of("cluster", "haproxy.cfg"))
            .replace("127.0.0.1:9402", "127.0.0.1:" + n1.httpPort())
            .replace("127.0.0.1:9404", "127.0.0.1:" + n2.httpPort())
            .replace("127.0.0.1:9420", "127.0.0.1:" + (base + 18))
            .replace("127.0.0.1:9421", "127.0.0.1:" + (base + 19));
    Path file = WORK.resolve("haproxy.cfg");
    Files.writeString(file, cfg);
    haproxy =
        new ProcessBuilder(HAPROXY.toString(), "-db", "-f", file.toString())
            .redirectErrorStream(true)
            .redirectOutput(WORK.resolve("haproxy.log").toFile())
            .start();
    awaitPort(base + 18, "haproxy");
  }

  private static void awaitPort(int port, String what) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      try (Socket s = new Socket("127.0.0.1", port)) {
        return;
      } catch (IOException e) {
        Thread.sleep(50);
      }
    }
    throw new IllegalStateException(what + " did not listen on " + port);
  }

  private static void stop(Process p) throws InterruptedException {
    if (p != null && p.isAlive()) {
      p.destroy();
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  /** Stops HAProxy, both nodes and Redis by their process ids. */
  @Override
  public void close() throws InterruptedException {
    stop(haproxy);
    for (LibertyNode node : nodes) {
      node.stop();
    }
    stopRedis();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is already shutting down and the hook runs
    }
  }

  private void destroyAll() {
    for (Process p : new Process[] {haproxy, redis}) {
      if (p != null) {
        p.destroyForcibly();
      }
    }
    for (LibertyNode node : nodes) {
      try {
        node.kill();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
