package io.fastrtc.jakarta.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.fastrtc.jakarta.testing.Deployments;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Deploys the packaged WAR to the managed Liberty and fetches a static page and the browser's RTC
 * configuration from it; without single sign-on {@code GET /api/me} says security is off.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DeploymentSmokeIT {

  @Deployment(testable = false)
  public static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource private URL baseUrl;

  @Test
  void servesStaticIndexPage() throws Exception {
    HttpResponse<String> response = get("index.html");

    assertThat(response.statusCode()).as("GET %s", response.uri()).isEqualTo(200);
  }

  @Test
  void servesAnEmptyUncachedRtcConfigurationByDefault() throws Exception {
    HttpResponse<String> response = get("api/rtc-configuration");

    assertThat(response.statusCode()).as("GET %s", response.uri()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"iceServers\":[]}");
    assertThat(response.headers().firstValue("Cache-Control"))
        .hasValueSatisfying(cache -> assertThat(cache).contains("no-store"));
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
  }

  @Test
  void saysSecurityIsOffSoThePagesHideTheAccountBar() throws Exception {
    HttpResponse<String> response = get("api/me");

    assertThat(response.statusCode()).as("GET %s", response.uri()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"security\":\"off\"}");
  }

  private HttpResponse<String> get(String path) throws Exception {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    HttpRequest request =
        HttpRequest.newBuilder(Deployments.url(baseUrl, path))
            .timeout(Duration.ofSeconds(30))
            .GET()
            .build();
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
