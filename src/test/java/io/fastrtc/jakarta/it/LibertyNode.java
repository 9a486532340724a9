package io.fastrtc.jakarta.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One Liberty server made from the IT server's runtime ({@code target/liberty/wlp}), run in the
 * foreground ({@code server run}, which execs the JVM, so the process id is the server's) and
 * stopped by that id: SIGTERM for a normal stop, SIGKILL for the kill drill.
 */
final class LibertyNode {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final Path wlp;
  private final String name;
  private final int httpPort;
  private final int httpsPort;
  private Process process;

  LibertyNode(Path wlp, String name, int httpPort, int httpsPort) {
    this.wlp = wlp;
    this.name = name;
    this.httpPort = httpPort;
    this.httpsPort = httpsPort;
  }

  String name() {
    return name;
  }

  /** The node's base URL, e.g. {@code http://127.0.0.1:9402}. */
  String base() {
    return "http://127.0.0.1:" + httpPort;
  }

  int httpPort() {
    return httpPort;
  }

  /**
   * Writes the server's directory: the application's {@code server.xml}, ports in {@code
   * bootstrap.properties}, {@code properties} as {@code -D} lines of {@code jvm.options} (where
   * MicroProfile Config reads them) and the WAR in {@code dropins}.
   */
  void configure(Path war, Map<String, String> properties) throws IOException {
    Path dir = wlp.resolve("usr/servers").resolve(name);
    Files.createDirectories(dir.resolve("dropins"));
    Files.copy(
        Path.of("src/main/liberty/config/server.xml"),
        dir.resolve("server.xml"),
        StandardCopyOption.REPLACE_EXISTING);
    Files.writeString(
        dir.resolve("bootstrap.properties"),
        "http.port=" + httpPort + "\nhttps.port=" + httpsPort + "\n");
    StringBuilder options = new StringBuilder("-Xmx384m\n");
    properties.forEach((k, v) -> options.append("-D").append(k).append('=').append(v).append('\n'));
    Files.writeString(dir.resolve("jvm.options"), options);
    Files.copy(war, dir.resolve("dropins/fastrtc.war"), StandardCopyOption.REPLACE_EXISTING);
  }

  /** Starts the server in the foreground of a child process; returns at once. */
  void start(Path log) throws IOException {
    process =
        new ProcessBuilder(wlp.resolve("bin/server").toString(), "run", name, "--clean")
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
  }

  /** Waits until the application answers {@code GET /api/status}. */
  void awaitStarted(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (process == null || !process.isAlive()) {
        throw new AssertionError(name + " exited while starting; see its log in target/cluster");
      }
      if (status("/api/status") == 200) {
        return;
      }
      Thread.sleep(250);
    }
    throw new AssertionError(name + " did not answer /api/status within " + timeout);
  }

  /** The HTTP status of a GET on this node, or -1 when it does not answer. */
  int status(String path) {
    try {
      return HTTP.send(
              HttpRequest.newBuilder(URI.create(base() + path))
                  .timeout(Duration.ofSeconds(5))
                  .build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  boolean isAlive() {
    return process != null && process.isAlive();
  }

  /** SIGKILL: no shutdown hook, no graceful close, as a crashed machine. */
  void kill() throws InterruptedException {
    if (process != null) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  /** SIGTERM (Liberty stops gracefully), then SIGKILL after 30 s. */
  void stop() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }
}
