package io.fastrtc.jakarta.runtime.connection;

import static org.assertj.core.api.Assertions.assertThat;

import io.fastrtc.jakarta.api.Modality;
import io.fastrtc.jakarta.api.RealtimeStream;
import io.fastrtc.jakarta.api.StreamUser;
import io.fastrtc.jakarta.runtime.audio.Resampler;
import io.fastrtc.jakarta.runtime.stream.StreamDefinition;
import io.fastrtc.jakarta.testing.RecordingHandler;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConnectionOwnershipTest {
  @RealtimeStream(name = "owned", modality = Modality.AUDIO, concurrencyLimit = 5)
  static class Handler extends RecordingHandler {}

  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final RuntimeServices services =
      new RuntimeServices(
          Runnable::run, scheduler, (in, out) -> Resampler.identity(in), new RuntimeMetrics());
  private final ConnectionRegistry registry = new ConnectionRegistry(services);
  private final StreamDefinition stream = StreamDefinition.of(Handler.class);
  private final StreamUser alice = new StreamUser("alice", Set.of("user"));
  private final StreamUser bob = new StreamUser("bob", Set.of());

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
  }

  @Test
  void onlyTheOwnerFindsTheConnectionAndItsRecentClose() {
    Connection c =
        registry
            .admit(stream, "a1", alice, d -> new HandlerLease(new Handler(), () -> {}))
            .connection();

    assertThat(c.owner()).contains(alice);
    assertThat(registry.find("a1", alice)).contains(c);
    assertThat(registry.find("a1", bob)).isEmpty();
    assertThat(registry.find("a1", null)).as("no user").isEmpty();
    assertThat(registry.find("a1")).as("the engine's own lookup").contains(c);

    c.close(EndReason.CLIENT_CLOSED);
    assertThat(registry.closedRecently("a1", alice)).isTrue();
    assertThat(registry.closedRecently("a1", bob)).isFalse();
  }

  @Test
  void withoutSingleSignOnConnectionsHaveNoOwnerAndEveryRequestFindsThem() {
    Connection c =
        registry.admit(stream, "n1", d -> new HandlerLease(new Handler(), () -> {})).connection();

    assertThat(c.owner()).isEmpty();
    assertThat(registry.find("n1", null)).contains(c);
    assertThat(registry.find("n1", alice)).isEmpty();
  }

  @Test
  void anotherUsersIdOpensTheCallersOwnConnectionAsAFreshIdWould() {
    Connection a =
        registry
            .admit(stream, "same", alice, d -> new HandlerLease(new Handler(), () -> {}))
            .connection();
    Admission second =
        registry.admit(stream, "same", bob, d -> new HandlerLease(new Handler(), () -> {}));

    assertThat(second.isAdmitted()).as("bob learns nothing of alice's id").isTrue();
    Connection b = second.connection();
    assertThat(registry.find("same", alice)).contains(a);
    assertThat(registry.find("same", bob)).contains(b);
    assertThat(registry.find("same")).as("ambiguous for the application view").isEmpty();
    assertThat(
            registry
                .admit(stream, "same", alice, d -> new HandlerLease(new Handler(), () -> {}))
                .refusal())
        .as("the owner's own duplicate")
        .isEqualTo(io.fastrtc.jakarta.runtime.wire.ErrorCode.CONNECTION_ALREADY_EXISTS);

    b.close(EndReason.CLIENT_CLOSED);
    assertThat(registry.find("same", alice)).as("bob's close leaves alice's").contains(a);
    assertThat(registry.closedRecently("same", alice)).isFalse();
    assertThat(registry.closedRecently("same", bob)).isTrue();
    assertThat(registry.find("same")).contains(a);
  }
}
