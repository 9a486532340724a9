package io.fastrtc.jakarta.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.fastrtc.jakarta.api.StreamUser;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FakeStreamContextUserTest {

  @Test
  void reportsTheUserAHandlerTestSets() {
    FakeStreamContext context = new FakeStreamContext();
    assertThat(context.user()).isEmpty();

    context.setUser(new StreamUser("alice", Set.of("user")));

    assertThat(context.user()).hasValueSatisfying(u -> assertThat(u.groups()).contains("user"));
    assertThat(context.setUser(null).user()).isEmpty();
  }
}
