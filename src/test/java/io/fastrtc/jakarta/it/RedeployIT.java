package io.fastrtc.jakarta.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.fastrtc.jakarta.testing.ClientPeer;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Undeploying and redeploying the WAR five times in one server: libwebrtc loads again in each new
 * class loader, audio and video streams work each time, and the old factory's native threads are
 * gone (their count in the server process stays flat).
 */
@ExtendWith(ArquillianExtension.class)
class RedeployIT {
  private static final String WAR = "war";

  @ArquillianResource Deployer deployer;

  @Deployment(name = WAR, managed = false, testable = false)
  static WebArchive deployment() {
    return ItSupport.warWithTestStreams();
  }

  @Test
  void fiveRedeploysKeepStreamingWithoutGrowingNativeThreads() throws Exception {
    // The deployment is not there yet, so Arquillian cannot inject its URL; the context root is
    // "/" (WEB-INF/ibm-web-ext.xml).
    URL base = new URL("http://localhost:" + System.getProperty("it.http.port", "9181") + "/");
    long pid = serverPid();
    List<Long> nativeThreads = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      deployer.deploy(WAR);
      {
        try (ClientPeer peer = ItSupport.connectedToneClient(ItSupport.stream(base, "echo"), 440)) {
          ItSupport.assertHears(peer, 440);
        }
      }
      // A video connection too: its tracks, source and sender must not outlive the deployment.
      try (ClientPeer camera =
          ClientPeer.builder(ItSupport.stream(base, "flip"))
              .direction(io.fastrtc.jakarta.testing.MediaDirection.NONE)
              .video(io.fastrtc.jakarta.testing.MediaDirection.SEND_RECEIVE)
              .build()) {
        assertThat(camera.connect().isAnswer()).isTrue();
        camera.awaitConnected(ItSupport.CONNECT);
        camera.videoCapture().awaitFrames(10, ItSupport.CONNECT);
      }
      io.fastrtc.jakarta.testing.Await.until(
          () ->
              ItSupport.activeConnections(base, "echo") == 0
                  && ItSupport.activeConnections(base, "flip") == 0,
          java.time.Duration.ofSeconds(10),
          () -> "echo and flip connections closed");
      Thread.sleep(500);
      nativeThreads.add(libwebrtcThreads(pid));
      System.out.println("threads: " + threadNames(pid));
      deployer.undeploy(WAR);
    }
    System.out.println("libwebrtc threads after each of 6 deployments: " + nativeThreads);
    assertThat(nativeThreads).allSatisfy(n -> assertThat(n).isEqualTo(nativeThreads.get(0)));
  }

  /** Threads whose names libwebrtc or our clock gave them, read from /proc. */
  static long libwebrtcThreads(long pid) throws IOException {
    try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
      return tasks
          .map(t -> t.resolve("comm"))
          .filter(
              comm -> {
                try {
                  String name = Files.readString(comm).trim();
                  return name.startsWith("webrtc")
                      || name.startsWith("rtc-")
                      || name.startsWith("fastrtc");
                } catch (IOException e) {
                  return false; // the thread ended while we looked
                }
              })
          .count();
    }
  }

  private static String threadNames(long pid) throws IOException {
    try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
      return tasks
          .map(
              t -> {
                try {
                  return Files.readString(t.resolve("comm")).trim();
                } catch (IOException e) {
                  return "?";
                }
              })
          .filter(n -> n.startsWith("webrtc") || n.startsWith("rtc-") || n.startsWith("fastrtc"))
          .sorted()
          .toList()
          .toString();
    }
  }

  private static long serverPid() {
    String server = System.getProperty("it.server.name", "fastrtcIT");
    return ProcessHandle.allProcesses()
        .filter(
            p ->
                p.info()
                    .commandLine()
                    .map(c -> c.contains("ws-server.jar") && c.contains(server))
                    .orElse(false))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no Liberty process for server " + server))
        .pid();
  }
}
