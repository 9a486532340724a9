package io.fastrtc.jakarta.runtime.connection;

import static org.assertj.core.api.Assertions.assertThat;

import io.fastrtc.jakarta.api.AudioFrame;
import io.fastrtc.jakarta.api.Emission;
import io.fastrtc.jakarta.api.Modality;
import io.fastrtc.jakarta.api.RealtimeStream;
import io.fastrtc.jakarta.runtime.audio.Resampler;
import io.fastrtc.jakarta.runtime.stream.StreamDefinition;
import io.fastrtc.jakarta.testing.RecordingHandler;
import io.fastrtc.jakarta.testing.RecordingTransport;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Frames, late ticks, handler errors, added latency and handler CPU are counted per stream and
 * transport (and still server-wide for {@code /api/status}).
 */
class StreamMeterTest {
  @RealtimeStream(
      name = "metered",
      modality = Modality.AUDIO,
      outputSampleRate = 48_000,
      concurrencyLimit = 4)
  static class Metered extends RecordingHandler {}

  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final RuntimeMetrics metrics = new RuntimeMetrics();
  private final RuntimeServices services =
      new RuntimeServices(Runnable::run, scheduler, (in, out) -> Resampler.identity(in), metrics);
  private final ConnectionRegistry registry = new ConnectionRegistry(services);
  private final List<StreamMeter> latencies = new ArrayList<>();

  @AfterEach
  void stopScheduler() {
    scheduler.shutdownNow();
  }

  private Connection open(RecordingHandler handler, String id, String transport) {
    Admission a =
        registry.admit(
            StreamDefinition.of(Metered.class),
            id,
            null,
            transport,
            s -> new HandlerLease(handler, () -> {}));
    assertThat(a.isAdmitted()).isTrue();
    a.connection().attach(new RecordingTransport());
    a.connection().start();
    return a.connection();
  }

  @Test
  void countsFramesLateTicksAndLatencyPerStreamAndTransport() {
    metrics.listen(
        new ConnectionEvents() {
          @Override
          public void addedLatency(StreamMeter meter, long nanos) {
            latencies.add(meter);
          }
        });
    RecordingHandler echo = new Metered();
    Connection web = open(echo, "w1", "webrtc");
    Connection socket = open(new Metered(), "s1", "websocket");

    echo.toEmit.add(Emission.audio(new AudioFrame(48_000, 1, new short[960])));
    web.onInput(new AudioFrame(48_000, 1, new short[960]), System.nanoTime());
    web.tick(System.nanoTime(), true);
    web.tick(System.nanoTime(), false);
    socket.onInput(new AudioFrame(48_000, 1, new short[960]), System.nanoTime());

    StreamMeter webrtc = metrics.meter("metered", "webrtc");
    StreamMeter websocket = metrics.meter("metered", "websocket");
    assertThat(webrtc.framesIn()).isEqualTo(1);
    assertThat(webrtc.framesOut()).isEqualTo(2);
    assertThat(webrtc.lateTicks()).isEqualTo(1);
    assertThat(websocket.framesIn()).isEqualTo(1);
    assertThat(websocket.framesOut()).isZero();
    assertThat(metrics.framesIn()).as("server-wide").isEqualTo(2);
    assertThat(metrics.framesOut()).as("server-wide").isEqualTo(2);
    assertThat(latencies).isNotEmpty().allMatch(m -> m == webrtc);
    assertThat(metrics.meters())
        .extracting(StreamMeter::transport)
        .containsExactlyInAnyOrder("webrtc", "websocket");
  }

  @Test
  void countsHandlerErrorsForTheirStreamAndTransportOnly() {
    RecordingHandler failing = new Metered();
    failing.failOnReceive = new IllegalStateException("boom");
    Connection c = open(failing, "f1", "telephone");
    open(new Metered(), "ok", "webrtc");

    c.onInput(new AudioFrame(48_000, 1, new short[960]), System.nanoTime());

    assertThat(metrics.meter("metered", "telephone").handlerErrors()).isEqualTo(1);
    assertThat(metrics.meter("metered", "webrtc").handlerErrors()).isZero();
    assertThat(metrics.handlerErrors()).as("server-wide").isEqualTo(1);
  }

  @Test
  void timesEveryEighthHandlerCallsCpu() {
    Connection c = open(new Metered(), "cpu", "webrtc");
    for (int i = 0; i < 40; i++) {
      c.onInput(new AudioFrame(48_000, 1, new short[960]), System.nanoTime());
    }
    // each input is a receive() and one emit() that finds nothing: 80 calls, 10 of them timed
    StreamMeter meter = metrics.meter("metered", "webrtc");
    if (HandlerCpu.isSupported()) {
      assertThat(meter.handlerCallsTimed()).isEqualTo(80 / HandlerCpu.SAMPLE_EVERY);
      assertThat(meter.handlerCpuSeconds()).isGreaterThanOrEqualTo(0);
    }
  }

  @Test
  void aTimedCallsCpuIsScaledByTheSampling() throws Exception {
    StreamMeter meter = metrics.meter("cpu", "webrtc");
    HandlerCpu every = new HandlerCpu(meter, 1);
    HandlerCpu fourth = new HandlerCpu(meter, 4);
    every.run(() -> spin(50));
    double one = meter.handlerCpuSeconds();
    for (int i = 0; i < 3; i++) {
      fourth.run(() -> {}); // not timed
    }
    fourth.run(() -> spin(50)); // timed, counted 4 times

    if (HandlerCpu.isSupported()) {
      System.out.printf(
          "handler CPU: 50 ms busy loop measured %.1f ms; the same sampled 1 in 4: %.1f ms%n",
          one * 1000, (meter.handlerCpuSeconds() - one) * 1000);
      assertThat(one).isBetween(0.05, 0.5);
      assertThat(meter.handlerCpuSeconds() - one).isGreaterThanOrEqualTo(4 * 0.05);
      assertThat(meter.handlerCallsTimed()).isEqualTo(2);
    }
  }

  /** Burns this much of the thread's CPU time (not wall time: the machine may be busy). */
  private static void spin(long millis) {
    java.lang.management.ThreadMXBean threads =
        java.lang.management.ManagementFactory.getThreadMXBean();
    long end = threads.getCurrentThreadCpuTime() + millis * 1_000_000;
    while (threads.getCurrentThreadCpuTime() < end) {
      Thread.onSpinWait();
    }
  }
}
