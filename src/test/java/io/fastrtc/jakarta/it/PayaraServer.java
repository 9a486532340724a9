package io.fastrtc.jakarta.it;

import io.fastrtc.jakarta.testing.Deployments;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A Payara Micro process serving the packaged WAR, started from the test: {@code java -jar
 * payara-micro.jar --deploy target/fastrtc.war --nocluster ...}, the same file Liberty runs. Its
 * console goes to {@code target/payara/<name>.log}; {@link #stop()} sends SIGTERM (Payara's own
 * shutdown: the application is undeployed) and waits for the process to end.
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

  /**
   * Payara Micro's own console logging (its MICRO-INF/domain/logging.properties, shortened),
   * without ANSI colours.
   */
  private static final String LOGGING =
      String.join(
          "\n",
          "handlers=java.util.logging.ConsoleHandler",
          "java.util.logging.ConsoleHandler.formatter="
              + "com.sun.enterprise.server.logging.ODLLogFormatter",
          "com.sun.enterprise.server.logging.ODLLogFormatter.ansiColor=false",
          "java.util.logging.ConsoleHandler.level=FINE",
          ".level=INFO",
          "org.hibernate.validator.internal.util.Version.level=WARNING",
          "com.hazelcast.level=WARNING",
          "");

  private final String name;
  private final Process process;
  private final Path log;
  private final URL base;
  private long readyMillis;

  private PayaraServer(String name, Process process, Path log, URL base) {
    this.name = name;
    this.process = process;
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
    Path jar = Path.of(System.getProperty(JAR_PROPERTY, "target/payara/payara-micro.jar"));
    Path war = Path.of(System.getProperty(Deployments.WAR_PROPERTY, "target/fastrtc.war"));
    if (!Files.isRegularFile(jar) || !Files.isRegularFile(war)) {
      throw new IllegalStateException(
          jar.toAbsolutePath()
              + " or "
              + war.toAbsolutePath()
              + " is missing: run the Payara suite through `mvn verify` (the build copies Payara"
              + " Micro from Maven Central and packages the WAR)");
    }
    int port = Integer.getInteger(PORT_PROPERTY, 9200) + portOffset;
    Path dir = Path.of("target", "payara", name);
    try {
      deleteRecursively(dir);
      Files.createDirectories(dir);
      Path props = dir.resolve("system.properties");
      Properties p = new Properties();
      p.putAll(settings);
      try (var out = Files.newBufferedWriter(props)) {
        p.store(out, "MicroProfile Config settings of the Payara test server " + name);
      }
      Path logging = dir.resolve("logging.properties");
      Files.writeString(logging, LOGGING);
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(List.of("-Xmx768m", "-jar", jar.toString()));
      command.addAll(List.of("--deploy", war.toAbsolutePath().toString()));
      if (contextRoot != null) {
        command.addAll(List.of("--contextroot", contextRoot));
      }
      command.addAll(List.of("--port", Integer.toString(port)));
      command.addAll(List.of("--sslport", Integer.toString(9560 + portOffset)));
      command.addAll(List.of("--nocluster", "--disablephonehome"));
      command.addAll(List.of("--rootdir", dir.resolve("root").toString()));
      command.addAll(List.of("--systemproperties", props.toString()));
      command.addAll(List.of("--logproperties", logging.toString()));
      Path log = Path.of("target", "payara", name + ".log");
      long t0 = System.nanoTime();
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      String root =
          contextRoot == null
              ? "/fastrtc/"
              : contextRoot.endsWith("/") ? contextRoot : contextRoot + "/";
      PayaraServer server =
          new PayaraServer(name, process, log, new URL("http://localhost:" + port + root));
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

  /** Payara's own shutdown (SIGTERM), waiting up to 90 s for the process to end. */
  void stop() {
    if (!process.isAlive()) {
      return;
    }
    long t0 = System.nanoTime();
    process.destroy();
    try {
      if (!process.waitFor(90, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        throw new IllegalStateException("Payara Micro " + name + " did not stop within 90 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    System.out.printf("Payara Micro %s stopped in %d ms%n", name, millis(t0));
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
