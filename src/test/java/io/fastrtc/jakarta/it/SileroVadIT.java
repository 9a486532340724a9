package io.fastrtc.jakarta.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.fastrtc.jakarta.it.vad.VadProbeResource;
import io.fastrtc.jakarta.testing.Deployments;
import io.fastrtc.jakarta.testing.SpeechSynth;
import io.fastrtc.jakarta.testing.SpeechTimeline;
import io.fastrtc.jakarta.testing.SpeechTimeline.Segment;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Silero VAD inside Liberty: the packaged WAR's CDI producer loads the bundled model, ONNX
 * Runtime's native library loads in the application's class loader, and flite speech posted to a
 * probe route scores as speech where it is speech and as silence where it is silence. Three times,
 * with an undeploy between: each new class loader loads its own copy, and the server's threads and
 * memory are printed after each round.
 */
@ExtendWith(ArquillianExtension.class)
class SileroVadIT {
  private static final String WAR = "vad";

  @ArquillianResource Deployer deployer;

  @Deployment(name = WAR, managed = false, testable = false)
  static WebArchive deployment() {
    return Deployments.war().addPackage(VadProbeResource.class.getPackage());
  }

  @Test
  void theInjectedModelScoresSpeechAndSilenceInsideLibertyAcrossRedeploys() throws Exception {
    SpeechSynth.requireTools();
    SpeechTimeline timeline =
        new SpeechTimeline(7, -60)
            .pause(1.0)
            .speech(SpeechSynth.say("Good morning, how can I help you?", "slt"))
            .pause(1.0);
    short[] audio = timeline.audio();
    ByteBuffer pcm = ByteBuffer.allocate(audio.length * 2).order(ByteOrder.LITTLE_ENDIAN);
    pcm.asShortBuffer().put(audio);
    // Not deployed yet, so Arquillian cannot inject its URL; the context root is "/".
    URL base = new URL("http://localhost:" + System.getProperty("it.http.port", "9181") + "/");
    long pid = serverPid();
    List<String> rounds = new ArrayList<>();
    for (int round = 0; round < 3; round++) {
      deployer.deploy(WAR);
      assertScores(post(base, pcm.array()), timeline.segments().get(0));
      rounds.add(
          String.format(
              "threads %d, RSS %d MB", status(pid, "Threads"), status(pid, "VmRSS") / 1024));
      deployer.undeploy(WAR);
    }
    System.out.println("Liberty after each of 3 deployments that used Silero: " + rounds);
  }

  private static void assertScores(String json, Segment speech) {
    JsonObject body = Json.createReader(new StringReader(json)).readObject();
    assertThat(body.getInt("sampleRate")).isEqualTo(16_000);
    assertThat(body.getInt("window")).isEqualTo(512);
    JsonArray p = body.getJsonArray("p");
    int firstSpeechWindow = speech.start() / 512 + 2;
    int lastSpeechWindow = speech.end() / 512 - 2;
    int speechWindows = 0;
    for (int w = 0; w < p.size(); w++) {
      double probability = p.getJsonNumber(w).doubleValue();
      if (w < speech.start() / 512 - 1 || w > speech.end() / 512 + 6) {
        assertThat(probability).as("silent window %d", w).isLessThan(0.1);
      } else if (w >= firstSpeechWindow && w <= lastSpeechWindow && probability > 0.5) {
        speechWindows++;
      }
    }
    assertThat(speechWindows)
        .as("speech windows above 0.5")
        .isGreaterThan((lastSpeechWindow - firstSpeechWindow + 1) * 3 / 4);
  }

  private static String post(URL base, byte[] pcm) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(Deployments.url(base, "api/it-vad"))
                    .timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/octet-stream")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(pcm))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body();
  }

  private static long status(long pid, String key) throws java.io.IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
      if (line.startsWith(key + ":")) {
        return Long.parseLong(line.substring(key.length() + 1).trim().split("\\s+")[0]);
      }
    }
    return -1;
  }

  private static long serverPid() {
    String server = System.getProperty("it.server.name", "fastrtcIT");
    // This build's own Liberty (other checkouts may run a server of the same name).
    String wlp = Path.of("target", "liberty", "wlp").toAbsolutePath().toString();
    return ProcessHandle.allProcesses()
        .filter(
            p ->
                p.info()
                    .commandLine()
                    .map(c -> c.contains("ws-server.jar") && c.contains(server) && c.contains(wlp))
                    .orElse(false))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no Liberty process for server " + server))
        .pid();
  }
}
