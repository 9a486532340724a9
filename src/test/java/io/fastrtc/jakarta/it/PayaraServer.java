package io.fastrtc.jakarta.it;

import io.fastrtc.jakarta.testing.Deployments;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A Payara Micro process serving the packaged WAR, started from the test with the options of {@code
 * java -jar payara-micro.jar --deploy target/fastrtc.war --nocluster ...} (through {@link
 * PayaraDriver}, which also takes undeploy, deploy and shutdown commands), the same file Liberty
 * runs. Its console goes to {@code target/payara/<name>.log}; {@link #stop()} is Payara's own
 * shutdown (the application is undeployed) and waits for the process to end.
 *
 * <p>The build copies {@code fish.payara.extras:payara-micro} to the path in the system property
 * {@value #JAR_PROPERTY} (pom.xml, profile {@code payara}); the HTTP port comes from {@value
 * #PORT_PROPERTY} (9200 unless set), plus an offset per server.
 */
final class PayaraServer implements AutoCloseable {
  static final String JAR_PROPERTY = "payara.micro.jar";
  static final String PORT_PROPERTY = "payara.http.port";
  private static final Pattern READY = Pattern.compile("ready in ([0-9,.]+) \\(ms\\)");
  private static final long START_TIMEOUT_SECONDS = 240;

  private final String name;
  private final Process process;
  private final Writer commands;
  private final Path log;
  private final URL base;
  private long readyMillis;

  private PayaraServer(String name, Process process, Writer commands, Path log, URL base) {
    this.name = name;
    this.process = process;
    this.commands = commands;
    this.log = log;
    this.base = base;
  }

  /** The demo stream whose concurrency limit the shared server sets to 1. */
  static final String LIMITED = "level-meter";

  /**
   * Gives a test class the server shared by the Payara test classes of one run: started on first
   * use, stopped when the run ends (JUnit closes the root store), port {@value #PORT_PROPERTY},
   * context root {@code /}, and {@link #LIMITED}'s concurrency limit set to 1.
   */
  static final class Shared implements ParameterResolver {
    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
      return parameter.getParameter().getType() == PayaraServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
      return context
          .getRoot()
          .getStore(ExtensionContext.Namespace.create(PayaraServer.class))
          .getOrComputeIfAbsent(
              "shared",
              k ->
                  start(
                      "shared",
                      0,
                      "/",
                      Map.of("fastrtc.stream." + LIMITED + ".concurrency-limit", "1")),
              PayaraServer.class);
    }
  }

  /**
   * Starts a server and waits until Payara says it is ready.
   *
   * @param portOffset added to the base HTTP port (and the HTTPS port 9560)
   * @param contextRoot the WAR's context root, or null for Payara's default (the file name)
   * @param settings MicroProfile Config settings, passed as system properties
   */
  static PayaraServer start(
      String name, int portOffset, String contextRoot, Map<String, String> settings) {
    int port = Integer.getInteger(PORT_PROPERTY, 9200) + portOffset;
    Path dir = Path.of("target", "payara", name);
    try {
      deleteRecursively(dir);
      Files.createDirectories(dir);
      List<String> command = PayaraCommand.of(dir, port, 9560 + portOffset, contextRoot, settings);
      Path log = Path.of("target", "payara", name + ".log");
      long t0 = System.nanoTime();
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      Writer commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
      String root =
          contextRoot == null
              ? "/fastrtc/"
              : contextRoot.endsWith("/") ? contextRoot : contextRoot + "/";
      PayaraServer server =
          new PayaraServer(
              name, process, commands, log, new URL("http://localhost:" + port + root));
      server.awaitReady(t0);
      return server;
    } catch (IOException e) {
      throw new IllegalStateException("could not start Payara Micro " + name, e);
    }
  }

  private void awaitReady(long t0) throws IOException {
    long deadline = t0 + TimeUnit.SECONDS.toNanos(START_TIMEOUT_SECONDS);
    while (System.nanoTime() < deadline) {
      Matcher m = READY.matcher(log());
      if (m.find()) {
        readyMillis = millis(t0);
        System.out.printf(
            "Payara Micro %s ready: %d ms from launch (Payara says %s ms), %s, pid %d%n",
            name, readyMillis, m.group(1), base, process.pid());
        return;
      }
      if (!process.isAlive()) {
        throw new IllegalStateException("Payara Micro " + name + " exited; see " + log);
      }
      sleep(200);
    }
    process.destroyForcibly();
    throw new IllegalStateException("Payara Micro " + name + " not ready; see " + log);
  }

  /** The application root, e.g. {@code http://localhost:9200/}. */
  URL base() {
    return base;
  }

  /** The base URL of a named stream. */
  String stream(String stream) {
    return ItSupport.stream(base, stream);
  }

  long pid() {
    return process.pid();
  }

  /** Everything the server wrote to its console so far, without ANSI colours. */
  String log() throws IOException {
    return new String(Files.readAllBytes(log), StandardCharsets.UTF_8)
        .replaceAll("\u001b\\[[0-9;]*m", "");
  }

  /**
   * Payara's own shutdown ({@link PayaraDriver}'s {@code shutdown}, what its SIGTERM hook does),
   * waiting up to 90 s for the process to end; SIGTERM, then SIGKILL, if it does not.
   */
  void stop() {
    if (!process.isAlive()) {
      return;
    }
    long t0 = System.nanoTime();
    try {
      command("shutdown", 90);
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroy();
      }
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        throw new IllegalStateException("Payara Micro " + name + " did not stop");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    } catch (IOException | RuntimeException e) {
      process.destroyForcibly();
      throw new IllegalStateException("stopping Payara Micro " + name + " failed", e);
    }
    System.out.printf("Payara Micro %s stopped in %d ms%n", name, millis(t0));
  }

  /** Payara's own undeploy of the WAR (application name {@code fastrtc}). */
  void undeploy() throws IOException {
    command("undeploy fastrtc", 120);
  }

  /** Payara's own deploy of the packaged WAR, again, at {@code contextRoot}. */
  void deploy(String contextRoot) throws IOException {
    Path war = Path.of(System.getProperty(Deployments.WAR_PROPERTY, "target/fastrtc.war"));
    command("deploy fastrtc " + contextRoot + " " + war.toAbsolutePath(), 240);
  }

  /** Sends a command to {@link PayaraDriver} and waits for its answer in the log. */
  private void command(String command, int timeoutSeconds) throws IOException {
    int before = count(log(), "OK " + command) + count(log(), "FAILED " + command);
    commands.write(command + "\n");
    commands.flush();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
    while (System.nanoTime() < deadline) {
      String now = log();
      if (count(now, "FAILED " + command) > 0 && count(now, "OK " + command) <= before) {
        throw new IllegalStateException("Payara Micro " + name + ": " + command + " failed");
      }
      if (count(now, "OK " + command) > before || !process.isAlive()) {
        return;
      }
      sleep(100);
    }
    throw new IllegalStateException(command + " did not finish within " + timeoutSeconds + " s");
  }

  private static int count(String text, String line) {
    int n = 0;
    for (int at = text.indexOf(line); at >= 0; at = text.indexOf(line, at + 1)) {
      n++;
    }
    return n;
  }

  @Override
  public void close() {
    stop();
  }

  @Override
  public String toString() {
    return "Payara Micro " + name + " at " + base + " (ready in " + readyMillis + " ms)";
  }

  private static long millis(long t0) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
