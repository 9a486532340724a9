package io.fastrtc.jakarta.web.operations;

import io.fastrtc.jakarta.runtime.FastRtcEngine;
import io.fastrtc.jakarta.runtime.connection.ConnectionEvents;
import io.fastrtc.jakarta.runtime.connection.ConnectionRegistry;
import io.fastrtc.jakarta.runtime.connection.RuntimeMetrics;
import io.fastrtc.jakarta.runtime.connection.StreamMeter;
import io.fastrtc.jakarta.runtime.operations.NativeThreadCpu;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToLongFunction;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * FastRTC's MicroProfile Metrics (application scope, {@code /metrics?scope=application}): per
 * stream and transport the live, opened, refused (by reason) and closed (by end reason)
 * connections, the connect time and duration, the audio and video frames, late clock ticks, handler
 * errors and CPU time, and the added latency of output audio; server-wide the clock's ticks; per
 * libwebrtc thread name its native CPU time (Opus encoding among it). Names: docs/operations.md.
 */
@ApplicationScoped
public class MetricsBinding implements ConnectionEvents {
  @Inject FastRtcEngine engine;
  @Inject MetricRegistry metrics;

  private static final Logger LOG = Logger.getLogger(MetricsBinding.class.getName());

  private final Set<String> streamGauges = ConcurrentHashMap.newKeySet();
  private final Map<StreamMeter, Timer> addedLatency = new ConcurrentHashMap<>();

  /** Registers the server-wide gauges and starts listening when the application starts. */
  void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
    RuntimeMetrics runtime = engine.metrics();
    gauge(
        "fastrtc.clock.ticks",
        "audio clock ticks (every 10 ms); reset by POST /api/status/reset",
        runtime,
        RuntimeMetrics::clockTicks);
    gauge(
        "fastrtc.clock.late.ticks",
        "audio clock ticks more than one frame late; reset by POST /api/status/reset",
        runtime,
        RuntimeMetrics::lateTicks);
    NativeThreadCpu nativeCpu = new NativeThreadCpu();
    if (nativeCpu.isAvailable()) {
      Metadata cpu =
          Metadata.builder()
              .withName("fastrtc.native.thread.cpu")
              .withDescription(
                  "CPU time of libwebrtc's native threads by name (AudioEncoder: Opus encoding)")
              .withUnit(MetricUnits.SECONDS)
              .build();
      for (String thread : NativeThreadCpu.LIBWEBRTC_THREADS) {
        metrics.gauge(cpu, nativeCpu, n -> n.seconds(thread), new Tag("thread", thread));
      }
    }
    metrics.gauge(
        Metadata.builder()
            .withName("fastrtc.webrtc.peers.native")
            .withDescription("native peer connections created and not yet released")
            .build(),
        engine,
        FastRtcEngine::nativePeers);
    runtime.listen(this);
  }

  /** Metrics never break a connection: a failure (e.g. while the application stops) is logged. */
  private static void safely(Runnable record) {
    try {
      record.run();
    } catch (RuntimeException | LinkageError e) {
      LOG.log(Level.FINE, "Could not record a metric", e);
    }
  }

  private void gauge(
      String name, String description, RuntimeMetrics runtime, ToLongFunction<RuntimeMetrics> f) {
    metrics.gauge(
        Metadata.builder().withName(name).withDescription(description).build(),
        runtime,
        r -> f.applyAsLong(r));
  }

  /** The figures of one stream and transport, registered with its first connection. */
  private void registerStreamGauges(String stream, String transport) {
    StreamMeter meter = engine.metrics().meter(stream, transport);
    Tag[] tags = tags(stream, transport);
    meterGauge(
        "fastrtc.audio.frames.in",
        "audio frames (20 ms) received",
        meter,
        tags,
        StreamMeter::framesIn);
    meterGauge(
        "fastrtc.audio.frames.out",
        "audio frames (10 ms) sent",
        meter,
        tags,
        StreamMeter::framesOut);
    meterGauge(
        "fastrtc.audio.input.dropped",
        "input frames dropped: a handler fell 5 s behind",
        meter,
        tags,
        StreamMeter::inputFramesDropped);
    meterGauge(
        "fastrtc.video.frames.in",
        "video frames received",
        meter,
        tags,
        StreamMeter::videoFramesIn);
    meterGauge(
        "fastrtc.video.frames.out", "video frames sent", meter, tags, StreamMeter::videoFramesOut);
    meterGauge(
        "fastrtc.audio.late.ticks",
        "late audio clock ticks, once per connection of this stream they served",
        meter,
        tags,
        StreamMeter::lateTicks);
    meterGauge(
        "fastrtc.handler.errors",
        "handler calls that threw or hung",
        meter,
        tags,
        StreamMeter::handlerErrors);
    metrics.gauge(
        Metadata.builder()
            .withName("fastrtc.handler.cpu")
            .withDescription("CPU time of handler calls (every 8th call timed, scaled)")
            .withUnit(MetricUnits.SECONDS)
            .build(),
        meter,
        StreamMeter::handlerCpuSeconds,
        tags);
  }

  private void meterGauge(
      String name,
      String description,
      StreamMeter meter,
      Tag[] tags,
      ToLongFunction<StreamMeter> f) {
    metrics.gauge(
        Metadata.builder().withName(name).withDescription(description).build(),
        meter,
        m -> f.applyAsLong(m),
        tags);
  }

  @Override
  public void opened(String stream, String transport) {
    safely(() -> countOpened(stream, transport));
  }

  private void countOpened(String stream, String transport) {
    metrics.counter("fastrtc.connections.opened", tags(stream, transport)).inc();
    if (streamGauges.add(stream + '\u0000' + transport)) {
      registerStreamGauges(stream, transport);
      ConnectionRegistry registry = engine.registry();
      metrics.gauge(
          "fastrtc.connections.live",
          registry,
          r -> r.count(stream, transport),
          tags(stream, transport));
    }
  }

  @Override
  public void refused(String stream, String transport, String reason) {
    safely(() -> countRefused(stream, transport, reason));
  }

  private void countRefused(String stream, String transport, String reason) {
    metrics
        .counter(
            "fastrtc.connections.refused",
            new Tag("stream", stream),
            new Tag("transport", transport),
            new Tag("reason", reason))
        .inc();
  }

  @Override
  public void closed(
      String stream, String transport, String reason, long durationNanos, long connectNanos) {
    safely(() -> countClosed(stream, transport, reason, durationNanos, connectNanos));
  }

  private void countClosed(
      String stream, String transport, String reason, long durationNanos, long connectNanos) {
    Tag[] tags = tags(stream, transport);
    metrics
        .counter("fastrtc.connections.closed", tags[0], tags[1], new Tag("reason", reason))
        .inc();
    metrics
        .timer(
            Metadata.builder()
                .withName("fastrtc.connection.duration")
                .withDescription("how long connections lasted")
                .withUnit(MetricUnits.SECONDS)
                .build(),
            tags)
        .update(Duration.ofNanos(durationNanos));
    if (connectNanos >= 0) {
      metrics
          .timer(
              Metadata.builder()
                  .withName("fastrtc.connect.time")
                  .withDescription("from the offer (or socket start) to connected")
                  .withUnit(MetricUnits.SECONDS)
                  .build(),
              tags)
          .update(Duration.ofNanos(connectNanos));
    }
  }

  @Override
  public void addedLatency(StreamMeter meter, long nanos) {
    safely(() -> addedLatencyTimer(meter).update(Duration.ofNanos(nanos)));
  }

  private Timer addedLatencyTimer(StreamMeter meter) {
    Timer timer = addedLatency.get(meter);
    if (timer == null) {
      timer =
          metrics.timer(
              Metadata.builder()
                  .withName("fastrtc.audio.added.latency")
                  .withDescription("input frame received to the audio it produced pushed out")
                  .withUnit(MetricUnits.SECONDS)
                  .build(),
              tags(meter.stream(), meter.transport()));
      addedLatency.put(meter, timer);
    }
    return timer;
  }

  private static Tag[] tags(String stream, String transport) {
    return new Tag[] {new Tag("stream", stream), new Tag("transport", transport)};
  }
}
