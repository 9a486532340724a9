package io.fastrtc.jakarta.runtime.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.fastrtc.jakarta.api.Modality;
import io.fastrtc.jakarta.api.RealtimeStream;
import io.fastrtc.jakarta.api.StreamUser;
import io.fastrtc.jakarta.runtime.config.Settings;
import io.fastrtc.jakarta.runtime.stream.StreamDefinition;
import io.fastrtc.jakarta.testing.RecordingHandler;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StreamAccessTest {
  @RealtimeStream(name = "support", modality = Modality.AUDIO, roles = "support")
  static class Support extends RecordingHandler {}

  @RealtimeStream(name = "open", modality = Modality.AUDIO)
  static class Open extends RecordingHandler {}

  private final StreamDefinition support = StreamDefinition.of(Support.class);
  private final StreamDefinition open = StreamDefinition.of(Open.class);
  private final StreamUser agent = new StreamUser("ann", Set.of("support"));
  private final StreamUser sales = new StreamUser("sam", Set.of("sales"));
  private final StreamUser operator = new StreamUser("otto", Set.of("operator"));

  @Test
  void withSecurityOffEveryoneMayUseEverything() {
    StreamAccess access = new StreamAccess(Settings.defaults());

    assertThat(access.enabled()).isFalse();
    assertThat(access.mayUse(null, support)).isTrue();
    assertThat(access.isOperator(null)).isTrue();
    assertThat(access.security().describe()).startsWith("Security: off");
  }

  @Test
  void aStreamsRolesComeFromItsAnnotationOrTheConfiguration() {
    StreamAccess declared =
        new StreamAccess(Settings.from(Map.of("fastrtc.security.enabled", "true")));

    assertThat(declared.roles(support)).containsExactly("support");
    assertThat(declared.mayUse(agent, support)).isTrue();
    assertThat(declared.mayUse(sales, support)).isFalse();
    assertThat(declared.mayUse(null, open)).as("no user").isFalse();
    assertThat(declared.mayUse(sales, open)).as("no roles: any user").isTrue();

    StreamAccess configured =
        new StreamAccess(
            Settings.from(
                Map.of(
                    "fastrtc.security.enabled", "true",
                    "fastrtc.stream.support.roles", "sales, other",
                    "fastrtc.stream.open.roles", "support")));
    assertThat(configured.mayUse(sales, support)).isTrue();
    assertThat(configured.mayUse(agent, support)).isFalse();
    assertThat(configured.mayUse(sales, open)).isFalse();
  }

  @Test
  void onlyTheOperatorRoleMayUseOperatorRoutes() {
    StreamAccess access =
        new StreamAccess(
            Settings.from(
                Map.of(
                    "fastrtc.security.enabled", "true",
                    "fastrtc.security.provider", "https://idp.example.com")));

    assertThat(access.isOperator(operator)).isTrue();
    assertThat(access.isOperator(agent)).isFalse();
    assertThat(access.isOperator(null)).isFalse();
    assertThat(access.security().describe())
        .startsWith("Security: single sign-on")
        .contains("provider https://idp.example.com");
  }
}
