package io.fastrtc.jakarta.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.fastrtc.jakarta.testing.Await;
import io.fastrtc.jakarta.testing.ClientPeer;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The README's five-minute walk-through, as a new user does it: the freshly built {@code
 * fastrtc-classes.jar} is installed into the local Maven repository (as {@code mvn install} would),
 * the {@code starter/} project is copied to a temporary folder and built there with its own {@code
 * mvn verify} (its two handler tests), started on Open Liberty with its own plugin (the same
 * runtime zip from the local repository, ports 9210/9570), and used: a webrtc-java client streams a
 * tone through its audio handler and measures the echo's frequency, and headless Chromium loads the
 * application's own page and the bundled pages at {@code /fastrtc/} and streams through them.
 *
 * <p>Needs {@code mvn} on the PATH (skipped without it, failing when {@code CI=true}); Maven
 * resolves from the local repository and the registry only. {@code -Dstarter.http.port} and {@code
 * -Dstarter.https.port} move the server; the Maven output is in {@code target/starter-it/*.log}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StarterIT {
  private static final Path LOGS = Path.of("target", "starter-it").toAbsolutePath();
  private static final String HTTP_PORT = System.getProperty("starter.http.port", "9210");
  private static final String HTTPS_PORT = System.getProperty("starter.https.port", "9570");
  private static final String APP = "http://localhost:" + HTTP_PORT;
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private static Path work;
  private static Path project;
  private static boolean started;

  @BeforeAll
  static void buildAndStartTheStarter() throws Exception {
    String mvn = requireMaven();
    Files.createDirectories(LOGS);
    work = Files.createTempDirectory("fastrtc-starter-");
    project = work.resolve("my-app");
    copy(Path.of("starter").toAbsolutePath(), project);

    // What `mvn install` in the repository does for the jar the starter depends on.
    maven(
        mvn,
        work,
        "install",
        "org.apache.maven.plugins:maven-install-plugin:3.1.4:install-file",
        "-Dfile=" + Path.of("target", "fastrtc-classes.jar").toAbsolutePath(),
        "-DpomFile=" + Path.of("pom.xml").toAbsolutePath(),
        "-Dclassifier=classes",
        "-Dpackaging=jar");

    String build = maven(mvn, project, "verify", "verify");
    assertThat(build).contains("Tests run: 2, Failures: 0, Errors: 0, Skipped: 0");

    String[] ports = {
      "-Dliberty.var.http.port=" + HTTP_PORT, "-Dliberty.var.https.port=" + HTTPS_PORT
    };
    started = true;
    maven(
        mvn,
        project,
        "start",
        "liberty:create",
        "liberty:deploy",
        "liberty:start",
        ports[0],
        ports[1]);
    Await.until(
        () -> status(APP + "/api/streams") == 200, Duration.ofSeconds(90), () -> "the starter");
  }

  @AfterAll
  static void stopTheStarter() throws Exception {
    try {
      if (started) {
        maven(requireMaven(), project, "stop", "liberty:stop");
      }
    } finally {
      if (work != null) {
        // The copy holds its own extracted Liberty (hundreds of MB).
        try (Stream<Path> paths = Files.walk(work)) {
          paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
      }
    }
  }

  @Test
  @Order(1)
  void listsExactlyItsTwoStreams() throws Exception {
    String streams = get(APP + "/api/streams").body();
    assertThat(streams).contains("\"name\":\"echo\"", "\"name\":\"negative\"");
    assertThat(streams).doesNotContain("\"name\":\"tone\"");
  }

  @Test
  @Order(2)
  void aClientHearsItsToneComeBackThroughTheAudioHandler() {
    try (ClientPeer peer = ItSupport.connectedToneClient(APP + "/streams/echo", 440)) {
      ItSupport.assertHears(peer, 440);
    }
  }

  @Test
  @Order(3)
  void itsOwnPageAndTheBundledPagesLoadInChromiumAndStream() throws Exception {
    assertThat(get(APP + "/").body()).contains("My FastRTC application");
    BundledPageCheck.listAndEcho(URI.create(APP + "/fastrtc/"), Set.of("echo", "negative"), "echo");
  }

  private static String requireMaven() {
    String name = System.getProperty("os.name").startsWith("Windows") ? "mvn.cmd" : "mvn";
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path candidate = Path.of(dir, name);
      if (Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    String message = "The starter IT needs mvn on the PATH";
    if ("true".equals(System.getenv("CI"))) {
      Assertions.fail(message + "; failing because CI=true");
    }
    Assumptions.abort(message);
    return name;
  }

  /** Runs Maven in a folder, logs to target/starter-it/{log}.log, returns the output. */
  private static String maven(String mvn, Path dir, String log, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(mvn, "-B", "-ntp"));
    command.addAll(List.of(args));
    Path file = LOGS.resolve(log + ".log");
    Process process =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(file.toFile())
            .start();
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError(String.join(" ", command) + " took over 5 minutes; see " + file);
    }
    String output = Files.readString(file);
    assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
    return output;
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path path : paths.toList()) {
        Path relative = from.relativize(path);
        if (relative.startsWith("target")) {
          continue;
        }
        Path copy = to.resolve(relative.toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(copy);
        } else {
          Files.copy(path, copy, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }

  private static int status(String url) {
    try {
      return get(url).statusCode();
    } catch (Exception e) {
      return -1;
    }
  }

  private static HttpResponse<String> get(String url) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
