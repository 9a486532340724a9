package io.fastrtc.jakarta.runtime.operations;

import io.fastrtc.jakarta.runtime.connection.AudioClock;
import io.fastrtc.jakarta.runtime.connection.ConnectionRegistry;
import io.fastrtc.jakarta.runtime.stream.StreamDefinition;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The server's health as an orchestrator sees it. Ready: libwebrtc is loaded, the server is not
 * draining, and at least one stream has a free slot (or no stream is deployed). Alive: the audio
 * clock has ticked within {@link #CLOCK_STALL}; a stalled clock means no connection gets audio.
 */
public final class Health {
  /** How long the audio clock may go without a tick before the server counts as not alive. */
  public static final Duration CLOCK_STALL = Duration.ofSeconds(5);

  private final ConnectionRegistry registry;
  private final AudioClock clock;
  private final String webRtcUnavailable;
  private final Drain drain;

  /**
   * @param webRtcUnavailable why libwebrtc did not load, or null when it did
   */
  public Health(
      ConnectionRegistry registry, AudioClock clock, String webRtcUnavailable, Drain drain) {
    this.registry = registry;
    this.clock = clock;
    this.webRtcUnavailable = webRtcUnavailable;
    this.drain = drain;
  }

  /**
   * Readiness, with the reasons it is down.
   *
   * @param streams the deployed streams
   */
  public HealthReport readiness(Collection<StreamDefinition> streams) {
    Map<String, Object> data = new LinkedHashMap<>();
    boolean up = true;
    data.put("webrtc", webRtcUnavailable == null ? "available" : "unavailable");
    if (webRtcUnavailable != null) {
      up = false;
      data.put("webrtc_detail", webRtcUnavailable);
    }
    boolean draining = drain.isDraining();
    data.put("draining", draining);
    up &= !draining;
    int live = registry.all().size();
    int free = 0;
    for (StreamDefinition s : streams) {
      free += Math.max(0, s.concurrencyLimit() - registry.count(s));
    }
    data.put("connections", live);
    data.put("free_slots", free);
    boolean full = !streams.isEmpty() && free == 0;
    data.put("full", full);
    up &= !full;
    return new HealthReport(up, data);
  }

  /** Liveness: whether the audio clock is ticking. */
  public HealthReport liveness() {
    long sinceTick = clock.nanosSinceLastTick();
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("clock_last_tick_ms", sinceTick / 1_000_000);
    data.put("clock_stall_limit_ms", CLOCK_STALL.toMillis());
    return new HealthReport(sinceTick <= CLOCK_STALL.toNanos(), data);
  }
}
