package io.fastrtc.jakarta.runtime.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.fastrtc.jakarta.api.Modality;
import io.fastrtc.jakarta.api.RealtimeStream;
import io.fastrtc.jakarta.runtime.audio.Resampler;
import io.fastrtc.jakarta.runtime.config.Settings;
import io.fastrtc.jakarta.runtime.connection.Admission;
import io.fastrtc.jakarta.runtime.connection.AudioClock;
import io.fastrtc.jakarta.runtime.connection.Connection;
import io.fastrtc.jakarta.runtime.connection.ConnectionEvents;
import io.fastrtc.jakarta.runtime.connection.ConnectionRegistry;
import io.fastrtc.jakarta.runtime.connection.EndReason;
import io.fastrtc.jakarta.runtime.connection.HandlerLease;
import io.fastrtc.jakarta.runtime.connection.RuntimeMetrics;
import io.fastrtc.jakarta.runtime.connection.RuntimeServices;
import io.fastrtc.jakarta.runtime.stream.StreamDefinition;
import io.fastrtc.jakarta.runtime.wire.ErrorCode;
import io.fastrtc.jakarta.testing.Await;
import io.fastrtc.jakarta.testing.RecordingHandler;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The drain and the health decisions on a real registry and clock (no transport, no server). */
class DrainTest {
  @RealtimeStream(name = "drained", modality = Modality.AUDIO, concurrencyLimit = 2)
  static class Handler extends RecordingHandler {}

  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final RuntimeMetrics metrics = new RuntimeMetrics();
  private final RuntimeServices services =
      new RuntimeServices(Runnable::run, scheduler, (in, out) -> Resampler.identity(in), metrics);
  private final ConnectionRegistry registry = new ConnectionRegistry(services);
  private final AudioClock clock = new AudioClock(registry, metrics, Thread::new);
  private final StreamDefinition stream = StreamDefinition.of(Handler.class);
  private final Drain drain = new Drain(registry, scheduler);
  private final Health health = new Health(registry, clock, null, drain);
  private final List<String> events = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() {
    clock.stop();
    scheduler.shutdownNow();
  }

  private Admission admit(String id) {
    return registry.admit(
        stream, id, null, "webrtc", d -> new HandlerLease(new Handler(), () -> {}));
  }

  @Test
  void drainingRefusesNewConnectionsAndClosesLiveOnesAtTheDeadline() {
    metrics.listen(
        new ConnectionEvents() {
          @Override
          public void refused(String s, String transport, String reason) {
            events.add("refused " + s + " " + transport + " " + reason);
          }

          @Override
          public void closed(String s, String transport, String reason, long d, long c) {
            events.add("closed " + s + " " + transport + " " + reason);
          }
        });
    Connection live = admit("live").connection();
    assertThat(health.readiness(List.of(stream)).up()).isTrue();

    DrainState state = drain.start(Duration.ofMillis(300));

    assertThat(state.draining()).isTrue();
    assertThat(state.live()).isEqualTo(1);
    assertThat(admit("late").refusal()).isEqualTo(ErrorCode.SERVER_DRAINING);
    assertThat(health.readiness(List.of(stream)).up()).isFalse();
    assertThat(health.readiness(List.of(stream)).data()).containsEntry("draining", true);
    assertThat(live.isOpen()).as("live connections go on").isTrue();

    Await.until(() -> !live.isOpen(), Duration.ofSeconds(5), () -> "closed at the deadline");
    assertThat(live.endReason()).isEqualTo(EndReason.DRAIN_DEADLINE);
    assertThat(drain.state().deadlinePassed()).isTrue();
    // The closed event follows the state change on the closing thread: wait for it.
    Await.until(() -> events.size() == 2, Duration.ofSeconds(5), events::toString);
    assertThat(events)
        .containsExactly(
            "refused drained webrtc server_draining", "closed drained webrtc drain_deadline");
  }

  @Test
  void aStopOfAnIdleServerDoesNotWaitOrDrain() {
    Duration waited = drain.drainForStop(Settings.defaults().drainOnStop());

    assertThat(waited).isZero();
    assertThat(drain.isDraining()).as("nothing to drain").isFalse();
  }

  @Test
  void aStopWithDrainingOffClosesAtOnce() {
    admit("live");

    assertThat(drain.drainForStop(Duration.ZERO)).isZero();
    assertThat(drain.isDraining()).isFalse();
  }

  @Test
  void aStopWaitsForLiveConnectionsToEndByThemselves() {
    Connection live = admit("live").connection();
    scheduler.schedule(() -> live.close(EndReason.CLIENT_CLOSED), 300, TimeUnit.MILLISECONDS);

    Duration waited = drain.drainForStop(Duration.ofSeconds(10));

    assertThat(live.endReason()).isEqualTo(EndReason.CLIENT_CLOSED);
    assertThat(waited).isBetween(Duration.ofMillis(250), Duration.ofSeconds(5));
    assertThat(admit("late").refusal()).isEqualTo(ErrorCode.SERVER_DRAINING);
  }

  @Test
  void aStopWaitsNoLongerThanItsDeadlineAndLeavesTheCloseToTheStop() {
    Connection live = admit("live").connection();

    Duration waited = drain.drainForStop(Duration.ofMillis(400));

    assertThat(waited).isBetween(Duration.ofMillis(350), Duration.ofSeconds(5));
    // No drain deadline of its own races the stop: the connection ends as stopped.
    assertThat(live.isOpen()).isTrue();
    registry.closeAll(EndReason.SERVER_STOP);
    assertThat(live.endReason()).isEqualTo(EndReason.SERVER_STOP);
  }

  @Test
  void theStopDrainIsOnByDefaultForTenSeconds() {
    assertThat(Settings.defaults().drainOnStop()).isEqualTo(Duration.ofSeconds(10));
    assertThat(Settings.from(Map.of("fastrtc.drain.stop-seconds", "0")).drainOnStop()).isZero();
  }

  @Test
  void aSecondRequestOnlyBringsTheDeadlineCloser() {
    DrainState first = drain.start(Duration.ofSeconds(30));
    DrainState later = drain.start(Duration.ofSeconds(60));
    DrainState sooner = drain.start(Duration.ofSeconds(5));

    assertThat(later.deadline()).isEqualTo(first.deadline());
    assertThat(sooner.deadline()).isBefore(first.deadline());
  }

  @Test
  void readinessIsDownWhenEveryStreamIsFullOrWebRtcIsMissing() {
    admit("a");
    assertThat(health.readiness(List.of(stream)).up()).isTrue();
    admit("b");
    assertThat(health.readiness(List.of(stream)).up()).as("limit 2 reached").isFalse();
    assertThat(health.readiness(List.of(stream)).data()).containsEntry("full", true);

    Health noWebRtc = new Health(registry, clock, "install libpulse0", drain);
    assertThat(noWebRtc.readiness(List.of()).up()).isFalse();
    assertThat(noWebRtc.readiness(List.of()).data())
        .containsEntry("webrtc_detail", "install libpulse0");
  }

  @Test
  void livenessFollowsTheAudioClock() {
    assertThat(health.liveness().up()).isTrue();
    clock.stop();
    assertThat(health.liveness().up()).as("a stopped clock is not yet stalled").isTrue();
  }
}
