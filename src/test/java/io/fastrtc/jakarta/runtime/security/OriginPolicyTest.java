package io.fastrtc.jakarta.runtime.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class OriginPolicyTest {

  @Test
  void sameOriginComparesHostAndPortWithTheRequestsHost() {
    assertThat(OriginPolicy.sameOrigin("http://127.0.0.1:9191", "127.0.0.1:9191")).isTrue();
    assertThat(OriginPolicy.sameOrigin("https://voice.example.com", "voice.example.com")).isTrue();
    assertThat(OriginPolicy.sameOrigin("https://voice.example.com", "voice.example.com:443"))
        .isTrue();
    assertThat(OriginPolicy.sameOrigin("http://evil.example", "voice.example.com")).isFalse();
    assertThat(OriginPolicy.sameOrigin("http://127.0.0.1:9192", "127.0.0.1:9191")).isFalse();
    assertThat(OriginPolicy.sameOrigin("null", "127.0.0.1:9191")).isFalse();
    assertThat(OriginPolicy.sameOrigin("http://x", null)).isFalse();
  }

  @Test
  void onlyConfiguredOriginsAreAllowed() {
    OriginPolicy policy = new OriginPolicy(List.of("https://App.example.com"));

    assertThat(policy.isAllowed("https://app.example.com")).isTrue();
    assertThat(policy.isAllowed("https://app.example.com:8443")).isFalse();
    assertThat(new OriginPolicy(List.of()).isAllowed("https://app.example.com")).isFalse();
  }
}
