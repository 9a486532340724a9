package io.fastrtc.jakarta.runtime;

import io.fastrtc.jakarta.runtime.cluster.Cluster;
import io.fastrtc.jakarta.runtime.cluster.InputForwarder;
import io.fastrtc.jakarta.runtime.cluster.redis.RedisCluster;
import io.fastrtc.jakarta.runtime.config.ClusterSettings;
import io.fastrtc.jakarta.runtime.config.Settings;
import io.fastrtc.jakarta.runtime.connection.AudioClock;
import io.fastrtc.jakarta.runtime.connection.Connection;
import io.fastrtc.jakarta.runtime.connection.ConnectionRegistry;
import io.fastrtc.jakarta.runtime.connection.EndReason;
import io.fastrtc.jakarta.runtime.connection.RuntimeMetrics;
import io.fastrtc.jakarta.runtime.connection.RuntimeServices;
import io.fastrtc.jakarta.runtime.operations.Drain;
import io.fastrtc.jakarta.runtime.operations.Health;
import io.fastrtc.jakarta.runtime.socket.SocketSessions;
import io.fastrtc.jakarta.runtime.socket.webhook.TelephoneWebhook;
import io.fastrtc.jakarta.runtime.webrtc.WebRtcEngine;
import io.fastrtc.jakarta.runtime.webrtc.WebRtcSignaling;
import io.fastrtc.jakarta.runtime.webrtc.WebRtcUnavailableException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * The engine of one application, wired by its constructor from {@link Settings} and what the
 * container (or a test) provides: the services, the connection registry, the audio clock, libwebrtc
 * and the transports. {@link FastRtcEngineBuilder#build()} starts it in that order; {@link #stop()}
 * closes every connection, stops the clock and disposes libwebrtc's factory, so a redeploy leaves
 * no native threads behind.
 *
 * <p>A missing libwebrtc does not stop the engine: WebRTC signalling then answers with {@link
 * #unavailableReason()}. The WebSocket and telephone transports still accept sessions, but the
 * resampler is libwebrtc's, so they carry no audio on a stream whose rates differ from the socket's
 * (found by the fault drill; not yet fixed).
 */
public class FastRtcEngine {
  private static final Logger LOG = Logger.getLogger(FastRtcEngine.class.getName());

  private final Settings settings;
  private final RuntimeMetrics metrics;
  private final Cluster cluster;
  private final InputForwarder forwarder;
  private final ConnectionRegistry registry;
  private final AudioClock clock;
  private final WebRtcEngine webRtc;
  private final String unavailableReason;
  private final WebRtcSignaling signaling;
  private final SocketSessions sockets;
  private final TelephoneWebhook telephone;
  private final Drain drain;
  private final Health health;
  private final Duration stopDrain;
  private final Runnable beforeWebRtcDispose;
  private final EndReason stopReason;
  private final AtomicBoolean stopped = new AtomicBoolean();

  @SuppressWarnings("unused") // held only so that the constructor loads the classes
  private final List<Class<?>> stopPathClasses;

  /** For the container's client proxy only: an engine made this way is never started. */
  protected FastRtcEngine() {
    settings = null;
    metrics = null;
    cluster = null;
    forwarder = null;
    registry = null;
    clock = null;
    webRtc = null;
    unavailableReason = null;
    signaling = null;
    sockets = null;
    telephone = null;
    drain = null;
    health = null;
    stopDrain = null;
    beforeWebRtcDispose = null;
    stopReason = null;
    stopPathClasses = null;
  }

  /** Starts the engine: metrics and services, the registry, the clock, WebRTC, the transports. */
  FastRtcEngine(FastRtcEngineBuilder b) {
    // Load what the stop path needs now: when the WAR is replaced in dropins, its file is gone
    // by the time the application stops, and classes can no longer be loaded from it.
    stopReason = EndReason.SERVER_STOP;
    // closeAll needs Connection even when no connection ever loaded it; without it stop() fails
    // there (CWWKL0002E) and libwebrtc is never disposed.
    stopPathClasses = List.of(Connection.class);
    settings = b.settings;
    stopDrain = settings.drainOnStop(); // read now: a bad value fails the start, not the stop
    beforeWebRtcDispose = b.beforeWebRtcDispose;
    metrics = new RuntimeMetrics();
    RuntimeServices services =
        new RuntimeServices(
            b.executor,
            b.scheduler,
            WebRtcEngine.resamplers(),
            metrics,
            settings.hangTimeout(RuntimeServices.DEFAULT_HANG_TIMEOUT),
            settings.idleTimeout(RuntimeServices.DEFAULT_IDLE_TIMEOUT));
    ClusterSettings clustering = settings.cluster();
    cluster =
        clustering.enabled()
            ? RedisCluster.start(clustering, b.executor, b.scheduler)
            : Cluster.local();
    forwarder = new InputForwarder(cluster, clustering.timeout());
    registry = new ConnectionRegistry(services, cluster);
    clock = new AudioClock(registry, metrics, b.threads);
    WebRtcEngine started = null;
    String unavailable = null;
    try {
      started = WebRtcEngine.start(settings.ice());
    } catch (WebRtcUnavailableException e) {
      unavailable = e.getMessage();
      LOG.severe(unavailable);
    }
    webRtc = started;
    unavailableReason = unavailable;
    signaling = new WebRtcSignaling(webRtc, unavailableReason, registry, services, b.handlers);
    sockets =
        new SocketSessions(
            registry,
            services,
            b.handlers,
            (call, values) ->
                call.updateInputs(
                    current -> call.definition().inputs().merge(current, values, b.validator)),
            new SocketSessions.Limits(
                settings.socketMaxMessagesPerSecond(),
                settings.socketMaxCharsPerSecond(),
                settings.socketMaxMessageChars()));
    telephone = new TelephoneWebhook(registry, () -> settings.telephonePublicUrl().orElse(null));
    drain = new Drain(registry, b.scheduler);
    health = new Health(registry, clock, unavailableReason, drain);
  }

  /**
   * A builder of an engine with these settings.
   *
   * @param settings the application's settings, e.g. {@link Settings#fromConfig()}
   */
  public static FastRtcEngineBuilder builder(Settings settings) {
    return new FastRtcEngineBuilder(settings);
  }

  /**
   * Stops the engine: while connections are live, drains first for {@code
   * fastrtc.drain.stop-seconds} (new connections refused, live ones may end by themselves; 10 s by
   * default, no wait when none is live), then closes every connection, stops the audio clock and
   * disposes libwebrtc's factory. Only the first call does anything: the web application's end
   * calls it (before the container stops the application's class loader), and the CDI disposer
   * again.
   */
  public void stop() {
    if (!stopped.compareAndSet(false, true)) {
      return;
    }
    drain.drainForStop(stopDrain);
    drain.cancel();
    registry.closeAll(stopReason);
    cluster.close();
    clock.stop();
    beforeWebRtcDispose.run();
    if (webRtc != null) {
      webRtc.close();
    }
  }

  /** The settings the engine was built with. */
  public Settings settings() {
    return settings;
  }

  /** WebRTC signalling. */
  public WebRtcSignaling signaling() {
    return signaling;
  }

  /** The socket transport ({@code /websocket/offer}, {@code /telephone/handler}). */
  public SocketSessions sockets() {
    return sockets;
  }

  /** Twilio's voice webhook ({@code /telephone/incoming}). */
  public TelephoneWebhook telephone() {
    return telephone;
  }

  /** Live connections. */
  public ConnectionRegistry registry() {
    return registry;
  }

  /** What this node shares with the other nodes of a cluster (a single server: nothing). */
  public Cluster cluster() {
    return cluster;
  }

  /** Forwards requests for connections that another node of the cluster owns. */
  public InputForwarder forwarder() {
    return forwarder;
  }

  /** Runtime counters. */
  public RuntimeMetrics metrics() {
    return metrics;
  }

  /** The drain for rolling deploys ({@code /api/drain}, server stop). */
  public Drain drain() {
    return drain;
  }

  /** Readiness and liveness. */
  public Health health() {
    return health;
  }

  /**
   * Native peer connections created and not yet released (0 without libwebrtc): the leak gauge.
   *
   * @return the count
   */
  public long nativePeers() {
    return webRtc == null ? 0 : webRtc.livePeers();
  }

  /**
   * Native peer connections created since start (0 without libwebrtc).
   *
   * @return the count
   */
  public long nativePeersCreated() {
    return webRtc == null ? 0 : webRtc.peersCreated();
  }

  /** Why WebRTC is unavailable, or null when it works. */
  public String unavailableReason() {
    return unavailableReason;
  }
}
