package io.fastrtc.jakarta.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.fastrtc.jakarta.it.stt.SttProbeResource;
import io.fastrtc.jakarta.testing.Deployments;
import io.fastrtc.jakarta.testing.SpeechSynth;
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
 * Vosk inside Liberty: the WAR's CDI extension provides the {@code SpeechToText} bean, the model
 * folder comes from {@code fastrtc.speech.vosk.model} in the server's {@code jvm.options} (set by
 * the pom), libvosk loads through JNA in the application's class loader, and flite speech posted to
 * a probe route reads back as its text.
 */
@ExtendWith(ArquillianExtension.class)
class SpeechToTextIT {

  @ArquillianResource URL base;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war().addPackage(SttProbeResource.class.getPackage());
  }

  @Test
  @RunAsClient
  void theInjectedSpeechToTextTranscribesInsideLiberty() throws Exception {
    SpeechSynth.requireTools();
    short[] audio = SpeechSynth.say("computer, what time is it", "slt");
    ByteBuffer pcm = ByteBuffer.allocate(audio.length * 2).order(ByteOrder.LITTLE_ENDIAN);
    pcm.asShortBuffer().put(audio);

    long start = System.nanoTime();
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(Deployments.url(base, "api/it-stt"))
                    .timeout(Duration.ofSeconds(120))
                    .header("Content-Type", "application/octet-stream")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(pcm.array()))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    System.out.printf(
        "Liberty transcribed \"%s\" in %d ms (the first call loads the model)%n",
        response.body(), (System.nanoTime() - start) / 1_000_000);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("computer what time is it");
  }
}
