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
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Silero VAD inside Liberty: the packaged WAR's CDI producer loads the bundled model, ONNX
 * Runtime's native library loads in the application's class loader, and flite speech posted to a
 * probe route scores as speech where it is speech and as silence where it is silence.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SileroVadIT {

  @Deployment(testable = false)
  public static WebArchive deployment() {
    return Deployments.war().addPackage(VadProbeResource.class.getPackage());
  }

  @ArquillianResource private URL baseUrl;

  @Test
  void theInjectedModelScoresSpeechAndSilenceInsideLiberty() throws Exception {
    SpeechSynth.requireTools();
    SpeechTimeline timeline =
        new SpeechTimeline(7, -60)
            .pause(1.0)
            .speech(SpeechSynth.say("Good morning, how can I help you?", "slt"))
            .pause(1.0);
    short[] audio = timeline.audio();
    ByteBuffer pcm = ByteBuffer.allocate(audio.length * 2).order(ByteOrder.LITTLE_ENDIAN);
    pcm.asShortBuffer().put(audio);

    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(Deployments.url(baseUrl, "api/it-vad"))
                    .timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/octet-stream")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(pcm.array()))
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonObject body = Json.createReader(new StringReader(response.body())).readObject();
    assertThat(body.getInt("sampleRate")).isEqualTo(16_000);
    assertThat(body.getInt("window")).isEqualTo(512);
    JsonArray p = body.getJsonArray("p");
    Segment speech = timeline.segments().get(0);
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
}
