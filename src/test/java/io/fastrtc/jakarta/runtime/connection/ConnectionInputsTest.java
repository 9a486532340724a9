package io.fastrtc.jakarta.runtime.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fastrtc.jakarta.api.AudioFrame;
import io.fastrtc.jakarta.api.Emission;
import io.fastrtc.jakarta.api.Input;
import io.fastrtc.jakarta.api.Modality;
import io.fastrtc.jakarta.api.OutputEvent;
import io.fastrtc.jakarta.api.RealtimeStream;
import io.fastrtc.jakarta.api.StreamContext;
import io.fastrtc.jakarta.runtime.audio.Resampler;
import io.fastrtc.jakarta.runtime.stream.StreamDefinition;
import io.fastrtc.jakarta.testing.RecordingHandler;
import io.fastrtc.jakarta.testing.RecordingTransport;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Inputs, send_input waits and outputs of one {@link Connection}. */
class ConnectionInputsTest {
  public record Knobs(@Input(defaultValue = "0.3") double threshold) {}

  @RealtimeStream(name = "knobs", modality = Modality.AUDIO, inputs = Knobs.class)
  static class Typed extends RecordingHandler {}

  @RealtimeStream(name = "plain", modality = Modality.AUDIO)
  static class Untyped extends RecordingHandler {}

  private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
  private final RuntimeServices services =
      new RuntimeServices(
          Runnable::run, scheduler, (in, out) -> Resampler.identity(in), new RuntimeMetrics());
  private final ConnectionRegistry registry = new ConnectionRegistry(services);
  private final RecordingTransport transport = new RecordingTransport();

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
  }

  private Connection open(Class<? extends RecordingHandler> type, RecordingHandler h, String id) {
    Admission a = registry.admit(StreamDefinition.of(type), id, s -> new HandlerLease(h, () -> {}));
    a.connection().attach(transport);
    a.connection().start();
    return a.connection();
  }

  @Test
  void handlersReadTypedInputsStartingWithTheDefaults() {
    RecordingHandler h = new Typed();
    Connection c = open(Typed.class, h, "a");
    StreamContext context = h.context;
    assertThat(context.inputs(Knobs.class)).isEqualTo(new Knobs(0.3));
    assertThat(context.latestInputs()).containsExactly(Map.entry("threshold", 0.3));

    c.updateInputs(current -> new Knobs(0.8));
    assertThat(context.inputs(Knobs.class).threshold()).isEqualTo(0.8);
    assertThatThrownBy(() -> context.inputs(OtherRecord.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("declares inputs " + Knobs.class.getName());
  }

  record OtherRecord() {}

  @Test
  void untypedStreamsStartEmpty() {
    RecordingHandler h = new Untyped();
    open(Untyped.class, h, "u");
    assertThat(h.context.latestInputs()).isEmpty();
  }

  @Test
  void twoConnectionsNeverShareInputs() {
    RecordingHandler h1 = new Typed();
    RecordingHandler h2 = new Typed();
    Connection c1 = open(Typed.class, h1, "one");
    open(Typed.class, h2, "two");
    c1.updateInputs(current -> new Knobs(0.9));
    assertThat(h1.context.inputs(Knobs.class).threshold()).isEqualTo(0.9);
    assertThat(h2.context.inputs(Knobs.class).threshold()).isEqualTo(0.3);
  }

  @Test
  void waitForInputsSendsSendInputAndReturnsWhenTheClientSetsThem() throws Exception {
    RecordingHandler h = new Typed();
    Connection c = open(Typed.class, h, "w");
    CompletableFuture<Boolean> waited =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return h.context.waitForInputs(Duration.ofSeconds(5));
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });
    awaitMessage("{\"type\":\"send_input\",\"data\":[]}");
    c.updateInputs(current -> new Knobs(0.5));
    assertThat(waited.get(5, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void waitForInputsTimesOutWhenNobodyAnswers() throws Exception {
    RecordingHandler h = new Typed();
    open(Typed.class, h, "t");
    long start = System.nanoTime();
    assertThat(h.context.waitForInputs(Duration.ofMillis(200))).isFalse();
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(200));
  }

  @Test
  void waitForInputsReturnsFalseWhenTheConnectionCloses() throws Exception {
    RecordingHandler h = new Typed();
    Connection c = open(Typed.class, h, "x");
    var closing =
        scheduler.schedule(() -> c.close(EndReason.CLIENT_CLOSED), 100, TimeUnit.MILLISECONDS);
    long start = System.nanoTime();
    assertThat(h.context.waitForInputs(Duration.ofSeconds(10))).isFalse();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    closing.get(5, TimeUnit.SECONDS);
  }

  @Test
  void emittedOutputsReachTheBufferAndEndWithTheConnection() {
    RecordingHandler h = new Typed();
    Connection c = open(Typed.class, h, "o");
    List<OutputEvent> seen = new CopyOnWriteArrayList<>();
    boolean[] ended = {false};
    c.subscribeOutputs(
        0,
        new io.fastrtc.jakarta.api.OutputSubscriber() {
          @Override
          public void onOutput(OutputEvent event) {
            seen.add(event);
          }

          @Override
          public void onEnd() {
            ended[0] = true;
          }
        });
    h.toEmit.add(Emission.outputs(0.25));
    h.toEmit.add(Emission.outputs("second", 2));
    c.onInput(AudioFrame.mono(48_000, new short[960]), 1);
    assertThat(seen).extracting(OutputEvent::sequence).containsExactly(1L, 2L);
    assertThat(seen.get(1).values()).containsExactly("second", 2);
    assertThat(transport.messages).contains("{\"type\":\"fetch_output\",\"data\":[]}");

    c.close(EndReason.CLIENT_CLOSED);
    assertThat(ended[0]).isTrue();
  }

  private void awaitMessage(String message) throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!transport.messages.contains(message) && System.nanoTime() < until) {
      Thread.sleep(2);
    }
    assertThat(transport.messages).contains(message);
  }
}
