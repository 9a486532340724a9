package io.fastrtc.jakarta.web.operations;

import io.fastrtc.jakarta.runtime.FastRtcEngine;
import io.fastrtc.jakarta.runtime.connection.ConnectionEvents;
import io.fastrtc.jakarta.runtime.connection.ConnectionRegistry;
import io.fastrtc.jakarta.runtime.connection.RuntimeMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
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
 * stream and transport the live, opened, refused (by reason) and closed (by end reason) connections
 * and the connect time and duration; server-wide the audio and video frames, late clock ticks,
 * handler errors and the added latency of output audio. Names: docs/operations.md.
 */
@ApplicationScoped
public class MetricsBinding implements ConnectionEvents {
  @Inject FastRtcEngine engine;
  @Inject MetricRegistry metrics;

  private static final Logger LOG = Logger.getLogger(MetricsBinding.class.getName());

  private final Set<String> liveGauges = ConcurrentHashMap.newKeySet();
  private volatile Timer addedLatency;

  /** Registers the server-wide gauges and starts listening when the application starts. */
  void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
    RuntimeMetrics runtime = engine.metrics();
    gauge(
        "fastrtc.audio.frames.in",
        "audio frames (20 ms) received from clients",
        runtime,
        RuntimeMetrics::framesIn);
    gauge(
        "fastrtc.audio.frames.out",
        "audio frames (10 ms) sent to clients",
        runtime,
        RuntimeMetrics::framesOut);
    gauge(
        "fastrtc.audio.input.dropped",
        "input frames dropped: a handler fell 5 s behind",
        runtime,
        RuntimeMetrics::inputFramesDropped);
    gauge(
        "fastrtc.video.frames.in", "video frames received", runtime, RuntimeMetrics::videoFramesIn);
    gauge("fastrtc.video.frames.out", "video frames sent", runtime, RuntimeMetrics::videoFramesOut);
    gauge(
        "fastrtc.clock.ticks",
        "audio clock ticks (every 10 ms)",
        runtime,
        RuntimeMetrics::clockTicks);
    gauge(
        "fastrtc.clock.late.ticks",
        "audio clock ticks more than one frame late",
        runtime,
        RuntimeMetrics::lateTicks);
    gauge(
        "fastrtc.handler.errors",
        "handler calls that threw",
        runtime,
        RuntimeMetrics::handlerErrors);
    metrics.gauge(
        Metadata.builder()
            .withName("fastrtc.webrtc.peers.native")
            .withDescription("native peer connections created and not yet released")
            .build(),
        engine,
        FastRtcEngine::nativePeers);
    addedLatency =
        metrics.timer(
            Metadata.builder()
                .withName("fastrtc.audio.added.latency")
                .withDescription("input frame received to the audio it produced pushed out")
                .withUnit(MetricUnits.SECONDS)
                .build());
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

  @Override
  public void opened(String stream, String transport) {
    safely(() -> countOpened(stream, transport));
  }

  private void countOpened(String stream, String transport) {
    metrics.counter("fastrtc.connections.opened", tags(stream, transport)).inc();
    if (liveGauges.add(stream + '\u0000' + transport)) {
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
  public void addedLatency(long nanos) {
    Timer timer = addedLatency;
    if (timer != null) {
      safely(() -> timer.update(Duration.ofNanos(nanos)));
    }
  }

  private static Tag[] tags(String stream, String transport) {
    return new Tag[] {new Tag("stream", stream), new Tag("transport", transport)};
  }
}
