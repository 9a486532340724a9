package io.fastrtc.jakarta.runtime.connection;

import static org.assertj.core.api.Assertions.assertThat;

import io.fastrtc.jakarta.api.AudioFrame;
import io.fastrtc.jakarta.api.Modality;
import io.fastrtc.jakarta.api.Mode;
import io.fastrtc.jakarta.api.RealtimeStream;
import io.fastrtc.jakarta.runtime.audio.Resampler;
import io.fastrtc.jakarta.runtime.stream.StreamDefinition;
import io.fastrtc.jakarta.testing.Await;
import io.fastrtc.jakarta.testing.RecordingHandler;
import io.fastrtc.jakarta.testing.RecordingTransport;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FaultWatchTest {
  @RealtimeStream(name = "watched", modality = Modality.AUDIO, outputSampleRate = 48_000)
  static class Watched extends RecordingHandler {}

  @RealtimeStream(
      name = "listen",
      modality = Modality.AUDIO,
      mode = Mode.RECEIVE,
      outputSampleRate = 48_000)
  static class ListenOnly extends RecordingHandler {}

  private static final AudioFrame FRAME = AudioFrame.mono(48_000, new short[960]);

  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final ExecutorService pool = Executors.newCachedThreadPool();
  private final RecordingTransport transport = new RecordingTransport();
  private final CountDownLatch release = new CountDownLatch(1);

  @AfterEach
  void stop() {
    release.countDown();
    scheduler.shutdownNow();
    pool.shutdownNow();
  }

  private Connection started(RecordingHandler handler, Duration hang, Duration idle) {
    return started(handler, Watched.class, hang, idle);
  }

  private Connection started(
      RecordingHandler handler, Class<?> declared, Duration hang, Duration idle) {
    RuntimeServices services =
        new RuntimeServices(
            pool, scheduler, (in, out) -> Resampler.identity(in), new RuntimeMetrics(), hang, idle);
    Connection c =
        new ConnectionRegistry(services)
            .admit(StreamDefinition.of(declared), "w1", s -> new HandlerLease(handler, () -> {}))
            .connection();
    c.attach(transport);
    c.start();
    return c;
  }

  @Test
  void aHandlerCallThatHangsClosesTheConnectionWithAnError() {
    RecordingHandler stuck =
        new Watched() {
          @Override
          public void receive(AudioFrame frame) {
            try {
              release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
        };
    Connection c = started(stuck, Duration.ofMillis(300), Duration.ZERO);

    c.onInput(FRAME, System.nanoTime());

    Await.until(() -> !c.isOpen(), Duration.ofSeconds(5), () -> "closed as hung");
    assertThat(c.endReason()).isEqualTo(EndReason.HANDLER_HUNG);
    assertThat(transport.messages)
        .contains("{\"type\":\"error\",\"message\":\"handler did not return within 0.3 s\"}");
  }

  @Test
  void aSlowButReturningHandlerIsLeftAlone() throws Exception {
    RecordingHandler slow =
        new Watched() {
          @Override
          public void receive(AudioFrame frame) {
            try {
              Thread.sleep(100);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
        };
    Connection c = started(slow, Duration.ofMillis(400), Duration.ZERO);
    for (int i = 0; i < 10; i++) {
      c.onInput(FRAME, System.nanoTime());
      Thread.sleep(100);
    }
    assertThat(c.isOpen()).isTrue();
    c.close(EndReason.CLIENT_CLOSED);
  }

  @Test
  void aClientThatSendsNothingIsClosedAfterTheIdleTimeout() {
    Connection c = started(new Watched(), Duration.ZERO, Duration.ofMillis(400));

    Await.until(() -> !c.isOpen(), Duration.ofSeconds(5), () -> "closed as idle");
    assertThat(c.endReason()).isEqualTo(EndReason.NO_MEDIA);
    assertThat(transport.messages)
        .contains("{\"type\":\"error\",\"message\":\"no media received for 0.4 s\"}");
  }

  @Test
  void mediaKeepsTheConnectionOpen() throws Exception {
    Connection c = started(new Watched(), Duration.ZERO, Duration.ofMillis(400));
    for (int i = 0; i < 20; i++) {
      c.onInput(FRAME, System.nanoTime());
      Thread.sleep(50);
    }
    assertThat(c.isOpen()).isTrue();
    c.close(EndReason.CLIENT_CLOSED);
  }

  @Test
  void aReceiveModeClientIsNeverIdle() throws Exception {
    Connection c =
        started(new ListenOnly(), ListenOnly.class, Duration.ZERO, Duration.ofMillis(300));
    Thread.sleep(1000);
    assertThat(c.isOpen()).isTrue();
    c.close(EndReason.CLIENT_CLOSED);
  }
}
