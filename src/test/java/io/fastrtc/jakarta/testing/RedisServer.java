package io.fastrtc.jakarta.testing;

import java.nio.file.Path;

/** How the tests start Debian's {@code redis-server}: on loopback, without persistence. */
public final class RedisServer {
  /** Where Debian installs it ({@code .ci/run} installs the package). */
  public static final Path BINARY = Path.of("/usr/bin/redis-server");

  private RedisServer() {}

  /**
   * A process builder for a redis-server on {@code 127.0.0.1:port} that saves nothing to disk.
   *
   * @param port the loopback port
   * @return the builder, with stderr merged into stdout; the caller sets the output and starts it
   */
  public static ProcessBuilder onLoopback(int port) {
    return new ProcessBuilder(
            BINARY.toString(),
            "--port",
            Integer.toString(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no")
        .redirectErrorStream(true);
  }
}
