package io.fastrtc.jakarta.runtime.cluster.redis;

import io.fastrtc.jakarta.testing.RedisServer;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code redis-server} (Debian {@code redis-server}) on a loopback port, without
 * persistence, stopped by its process id. Absent binary: the test is skipped, except under {@code
 * CI=true}, where it fails (CI installs it from {@code .ci/run}).
 */
final class RedisProcess {
  static final Path BINARY = RedisServer.BINARY;

  private final int port;
  private Process process;

  RedisProcess(int port) {
    this.port = port;
  }

  static boolean available() {
    if (Files.isExecutable(BINARY)) {
      return true;
    }
    if ("true".equals(System.getenv("CI"))) {
      throw new AssertionError(BINARY + " is missing: install Debian's redis-server (.ci/run)");
    }
    return false;
  }

  String uri() {
    return "redis://127.0.0.1:" + port;
  }

  RedisProcess start() throws IOException, InterruptedException {
    process = RedisServer.onLoopback(port).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      try (Socket s = new Socket("127.0.0.1", port)) {
        return this;
      } catch (IOException e) {
        Thread.sleep(20);
      }
    }
    throw new IllegalStateException("redis-server did not listen on " + port);
  }

  /** Stops it (SIGTERM to its pid) and waits until it has exited. */
  void stop() throws InterruptedException {
    if (process != null) {
      process.destroy();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
      process = null;
    }
  }
}
