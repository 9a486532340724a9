package io.fastrtc.jakarta.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.net.URL;
import org.junit.jupiter.api.Test;

class DeploymentsTest {

  @Test
  void resolvesPathsAgainstTheServerRoot() throws Exception {
    URL base = URI.create("http://localhost:9181/").toURL();

    assertThat(Deployments.url(base, "index.html"))
        .isEqualTo(URI.create("http://localhost:9181/index.html"));
    assertThat(Deployments.url(base, "/webrtc/offer"))
        .isEqualTo(URI.create("http://localhost:9181/webrtc/offer"));
  }

  @Test
  void keepsAContextRootWithoutTrailingSlash() throws Exception {
    URL base = URI.create("http://localhost:9181/fastrtc").toURL();

    assertThat(Deployments.url(base, "index.html"))
        .isEqualTo(URI.create("http://localhost:9181/fastrtc/index.html"));
  }

  @Test
  void rejectsNullArguments() throws Exception {
    URL base = URI.create("http://localhost:9181/").toURL();

    assertThrows(NullPointerException.class, () -> Deployments.url(null, "x"));
    assertThrows(NullPointerException.class, () -> Deployments.url(base, null));
  }
}
