package io.fastrtc.jakarta.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.fastrtc.jakarta.testing.Await;
import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Fault drills of the end of an application with 20 live connections (10 WebRTC, 10 WebSocket) on
 * the stream {@code file-counted}, whose every {@code shutdown()} appends a line to a file: the
 * application undeployed from the running IT server, and a whole server stopped ({@code server
 * stop} of a second Liberty server, "fastrtcDrill", made from the IT server's runtime on {@code
 * -Ddrill.http.port}, default 9232). Every handler's shutdown must run and the stop must not hang;
 * the times are printed.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class StopDrillIT {
  private static final int CONNECTIONS = 20;
  private static final String APP = "stopdrill";
  private static final Path WORK = Path.of("target", "drills").toAbsolutePath();
  private static final Path UNDEPLOY_LOG = WORK.resolve("undeploy-shutdowns.log");
  private static final Path STOP_LOG = WORK.resolve("stop-shutdowns.log");
  private static final String DRILL_SERVER = "fastrtcDrill";
  // The stop drain runs (live connections get this long to end by themselves, then are closed),
  // shorter than its 10 s default to keep the drills quick.
  private static final String DRAIN = "fastrtc.drain.stop-seconds";
  private static final String DRILL_DRAIN_SECONDS = "2";

  @ArquillianResource Deployer deployer;

  @Deployment(name = APP, managed = false, testable = false)
  static WebArchive app() {
    return DrillApps.war(
        APP,
        false,
        Map.of("drill.shutdown-log", UNDEPLOY_LOG.toString(), DRAIN, DRILL_DRAIN_SECONDS));
  }

  @Test
  void undeployingWithTwentyLiveConnectionsRunsEveryShutdown() throws Exception {
    Files.createDirectories(WORK);
    Files.deleteIfExists(UNDEPLOY_LOG);
    deployer.deploy(APP);
    URL base = new URL("http://localhost:" + System.getProperty("it.http.port", "9181") + "/");
    List<AutoCloseable> clients = new ArrayList<>();
    try {
      connectTwenty(new URL(base, APP + "/"), clients);
      long t0 = System.nanoTime();
      deployer.undeploy(APP);
      double seconds = (System.nanoTime() - t0) / 1e9;
      Await.until(
          () -> lines(UNDEPLOY_LOG) == CONNECTIONS,
          Duration.ofSeconds(5),
          () -> lines(UNDEPLOY_LOG) + " shutdowns recorded");
      System.out.printf(
          "stop drill: undeploy with %d live connections took %.1f s; %d shutdowns ran%n",
          CONNECTIONS, seconds, lines(UNDEPLOY_LOG));
      assertThat(lines(UNDEPLOY_LOG)).as("shutdowns recorded").isEqualTo(CONNECTIONS);
      assertThat(seconds).as("undeploy time").isLessThan(20);
    } finally {
      closeAll(clients);
    }
  }

  // It creates and starts a second Liberty server: about 45 s of the whole run.
  @Test
  void stoppingTheServerWithTwentyLiveConnectionsRunsEveryShutdown() throws Exception {
    Files.createDirectories(WORK);
    Files.deleteIfExists(STOP_LOG);
    Path wlp = Path.of("target", "liberty", "wlp").toAbsolutePath();
    String port = System.getProperty("drill.http.port", "9232");
    String httpsPort = System.getProperty("drill.https.port", "9592");
    Path server = wlp.resolve("usr/servers/" + DRILL_SERVER);
    if (!Files.isDirectory(server)) {
      run(wlp, 60, "create", DRILL_SERVER);
    }
    Files.copy(
        Path.of("src/main/liberty/config/server.xml"),
        server.resolve("server.xml"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Files.writeString(
        server.resolve("bootstrap.properties"),
        "http.port=" + port + "\nhttps.port=" + httpsPort + "\n");
    Path dropins = Files.createDirectories(server.resolve("dropins"));
    DrillApps.war(
            APP,
            false,
            Map.of("drill.shutdown-log", STOP_LOG.toString(), DRAIN, DRILL_DRAIN_SECONDS))
        .as(ZipExporter.class)
        .exportTo(dropins.resolve(APP + ".war").toFile(), true);
    List<AutoCloseable> clients = new ArrayList<>();
    boolean stopped = false;
    try {
      long s0 = System.nanoTime();
      run(wlp, 120, "start", DRILL_SERVER);
      URL base = new URL("http://localhost:" + port + "/" + APP + "/");
      Await.until(
          () -> answers(base),
          Duration.ofSeconds(60),
          () -> "the drill server's application answering");
      System.out.printf(
          "stop drill: server started and the application answered after %.1f s%n",
          (System.nanoTime() - s0) / 1e9);
      connectTwenty(base, clients);
      long t0 = System.nanoTime();
      run(wlp, 120, "stop", DRILL_SERVER);
      stopped = true;
      double seconds = (System.nanoTime() - t0) / 1e9;
      System.out.printf(
          "stop drill: server stop with %d live connections took %.1f s; %d shutdowns ran%n",
          CONNECTIONS, seconds, lines(STOP_LOG));
      assertThat(lines(STOP_LOG)).as("shutdowns recorded").isEqualTo(CONNECTIONS);
      assertThat(seconds).as("stop time").isLessThan(30);
    } finally {
      closeAll(clients);
      if (!stopped) {
        run(wlp, 120, "stop", DRILL_SERVER);
      }
    }
  }

  /** 10 WebRTC clients with a tone and 10 WebSocket clients sending audio, all admitted. */
  private static void connectTwenty(URL base, List<AutoCloseable> clients) throws Exception {
    String stream = ItSupport.stream(base, "file-counted");
    for (int i = 0; i < CONNECTIONS / 2; i++) {
      clients.add(ItSupport.connectedToneClient(stream, 440));
    }
    for (int i = 0; i < CONNECTIONS / 2; i++) {
      AudioSocket socket = AudioSocket.open(base, "streams/file-counted/websocket/offer", 8000);
      clients.add(socket);
      socket.start("socket-" + i);
      clients.add(0, socket.microphone(8000).tone(440, 0.3)); // closed before its socket
    }
    Await.until(
        () -> ItSupport.activeConnections(base, "file-counted") == CONNECTIONS,
        Duration.ofSeconds(20),
        () -> ItSupport.activeConnections(base, "file-counted") + " live connections");
  }

  private static boolean answers(URL base) {
    try {
      ItSupport.activeConnections(base, "file-counted");
      return true;
    } catch (AssertionError e) {
      return false;
    }
  }

  private static long lines(Path file) {
    try {
      return Files.exists(file) ? Files.readAllLines(file).size() : 0;
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static void closeAll(List<AutoCloseable> clients) {
    for (AutoCloseable c : clients) {
      try {
        c.close();
      } catch (Exception e) {
        // the server is gone; closing is best effort
      }
    }
  }

  private static void run(Path wlp, int timeoutSeconds, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(wlp.resolve("bin").resolve("server").toString());
    command.addAll(List.of(args));
    File log = WORK.resolve("server-" + args[0] + ".log").toFile();
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
    if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("server " + String.join(" ", args) + " did not finish");
    }
    assertThat(p.exitValue())
        .as("server %s: %s", String.join(" ", args), Files.readString(log.toPath()))
        .isIn(0, 1); // stop answers 1 when the server was not running
  }
}
