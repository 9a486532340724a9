package io.fastrtc.jakarta.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fastrtc.jakarta.it.speechapp.Dictation;
import io.fastrtc.jakarta.testing.Deployments;
import java.io.IOException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A missing speech-to-text model is a deployment error on Liberty, and only for an application that
 * uses speech-to-text. Beside the real WAR (deployed at "/", with the server's good model), the
 * same WAR plus a stream that injects {@code SpeechToText} ({@code it.speechapp.Dictation}) is
 * deployed with {@code fastrtc.speech.vosk.model} pointing at a folder that does not exist: it must
 * fail, with messages.log naming the key, the folder tried and the artifact to add, while the real
 * WAR goes on answering. With the stream switched off, the same bad setting deploys.
 */
@ExtendWith(ArquillianExtension.class)
class SpeechDeploymentIT {
  private static final String MAIN = "main";
  private static final String BAD = "speech-bad-model";
  private static final String UNUSED = "speech-unused";
  private static final String NOWHERE = "/nonexistent/fastrtc-it/vosk-model";

  @ArquillianResource Deployer deployer;

  @Deployment(name = MAIN, testable = false)
  static WebArchive main() {
    return Deployments.war();
  }

  @Deployment(name = BAD, managed = false, testable = false)
  static WebArchive badModel() {
    return speechWar(BAD, Map.of());
  }

  @Deployment(name = UNUSED, managed = false, testable = false)
  static WebArchive unused() {
    return speechWar(UNUSED, Map.of("fastrtc.stream.dictation.enabled", "false"));
  }

  @Test
  @RunAsClient
  void aStreamThatUsesSpeechToTextWithoutItsModelFailsTheDeploymentAndNothingElse(
      @ArquillianResource @OperateOnDeployment(MAIN) URL main) throws Exception {
    Path log = messagesLog();
    long before = Files.isRegularFile(log) ? Files.size(log) : 0;
    long start = System.nanoTime();
    try {
      assertThatThrownBy(() -> deployer.deploy(BAD)).as("deploying " + BAD).isNotNull();
    } finally {
      undeployQuietly(BAD);
    }
    String logged = since(log, before);
    System.out.printf(
        "the deployment with a bad model failed in %d ms; messages.log said:%n%s%n",
        (System.nanoTime() - start) / 1_000_000, lines(logged, NOWHERE));

    assertThat(logged)
        .contains(Dictation.class.getName())
        .contains("fastrtc.speech.stt=vosk")
        .contains("fastrtc.speech.vosk.model=" + NOWHERE)
        .contains("com.alphacephei:vosk-model-en:0.3.45")
        .contains("unzip");
    assertThat(get(main, "api/streams")).as("the main application").isEqualTo(200);

    deployer.deploy(UNUSED);
    try {
      URL unused = new URL(main, "/" + UNUSED + "/");
      assertThat(get(unused, "api/streams"))
          .as("the application whose speech stream is off")
          .isEqualTo(200);
    } finally {
      deployer.undeploy(UNUSED);
    }
    assertThat(get(main, "api/streams")).as("the main application, at the end").isEqualTo(200);
  }

  /**
   * The real WAR at context root {@code name} with the dictation stream and a model folder that
   * does not exist; the settings come in a library of their own whose {@code config_ordinal} (500)
   * wins over the server's system property (400).
   */
  private static WebArchive speechWar(String name, Map<String, String> settings) {
    WebArchive war = ShrinkWrap.create(WebArchive.class, name + ".war");
    war.merge(Deployments.war());
    war.delete("WEB-INF/ibm-web-ext.xml");
    war.addPackage(Dictation.class.getPackage());
    String properties =
        "config_ordinal=500\nfastrtc.demo.enabled=false\nfastrtc.speech.vosk.model="
            + NOWHERE
            + "\n"
            + settings.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue() + "\n")
                .collect(Collectors.joining());
    war.addAsLibrary(
        ShrinkWrap.create(JavaArchive.class, name + "-settings.jar")
            .addAsManifestResource(new StringAsset(properties), "microprofile-config.properties"));
    return war;
  }

  private void undeployQuietly(String name) {
    try {
      deployer.undeploy(name);
    } catch (RuntimeException e) {
      System.out.println("undeploying " + name + " after its failed deployment: " + e);
    }
  }

  private static int get(URL base, String path) throws IOException, InterruptedException {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(Deployments.url(base, path))
                .timeout(Duration.ofSeconds(20))
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  /** This build's IT server's messages.log (target/liberty/wlp/usr/servers/NAME/logs). */
  private static Path messagesLog() {
    String server = System.getProperty("it.server.name", "fastrtcIT");
    return Path.of("target", "liberty", "wlp", "usr", "servers", server, "logs", "messages.log");
  }

  private static String since(Path log, long offset) throws IOException {
    byte[] all = Files.readAllBytes(log);
    int from = (int) Math.min(offset, all.length);
    return new String(all, from, all.length - from, StandardCharsets.UTF_8);
  }

  private static String lines(String text, String containing) {
    List<String> hits = text.lines().filter(l -> l.contains(containing)).toList();
    return String.join("\n", hits.isEmpty() ? text.lines().toList() : hits);
  }
}
