package io.fastrtc.jakarta.it;

import static io.fastrtc.jakarta.it.ItSupport.root;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The bundled pages of {@code fastrtc-classes.jar} moved with {@code fastrtc.ui.path} and switched
 * off with {@code fastrtc.ui.enabled=false}, each in its own embedding application.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EmbeddedPagesSwitchIT {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  @ArquillianResource
  @OperateOnDeployment("moved")
  URL moved;

  @ArquillianResource
  @OperateOnDeployment("off")
  URL off;

  @Deployment(name = "moved", testable = false)
  static WebArchive movedApp() {
    return EmbeddedApps.war("embedded-moved", Map.of("fastrtc.ui.path", "/tools/rtc"));
  }

  @Deployment(name = "off", testable = false)
  static WebArchive offApp() {
    return EmbeddedApps.war("embedded-off", Map.of("fastrtc.ui.enabled", "false"));
  }

  @Test
  void movedPagesAnswerAtTheConfiguredPathOnlyAndStream() throws Exception {
    String app = root(moved);
    assertThat(status(app + "/fastrtc/index.html")).isEqualTo(404);
    assertThat(status(app + "/fastrtc/js/fastrtc-client.js")).isEqualTo(404);
    HttpResponse<String> page = get(app + "/tools/rtc/stream.html");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("<meta name=\"fastrtc-app-root\" content=\"../../\">");
    HttpResponse<String> client = get(app + "/tools/rtc/js/fastrtc-client.js");
    assertThat(client.statusCode()).isEqualTo(200);
    assertThat(client.headers().firstValue("Content-Type").orElse("")).contains("javascript");
    assertThat(status(app + "/tools/rtc/../WEB-INF/beans.xml")).isNotEqualTo(200);

    BundledPageCheck.listAndEcho(
        URI.create(app + "/tools/rtc/"), Set.of("volume-echo"), "volume-echo");
  }

  @Test
  void switchedOffPagesAreGoneButTheRoutesAndTheAppsOwnPageStay() throws Exception {
    String app = root(off);
    assertThat(status(app + "/fastrtc/")).isEqualTo(404);
    assertThat(status(app + "/fastrtc/index.html")).isEqualTo(404);
    assertThat(status(app + "/fastrtc/stream.html")).isEqualTo(404);
    assertThat(status(app + "/fastrtc/js/fastrtc-client.js")).isEqualTo(404);
    assertThat(get(app + "/").body()).contains(EmbeddedApps.OWN_INDEX);
    HttpResponse<String> streams = get(app + "/api/streams");
    assertThat(streams.statusCode()).isEqualTo(200);
    assertThat(streams.body()).contains("\"volume-echo\"");
  }

  private static int status(String url) throws Exception {
    return get(url).statusCode();
  }

  private static HttpResponse<String> get(String url) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
