package io.fastrtc.jakarta.runtime.cdi;

import io.fastrtc.jakarta.api.HandlerLifecycle;
import io.fastrtc.jakarta.runtime.AudioClock;
import io.fastrtc.jakarta.runtime.Connection;
import io.fastrtc.jakarta.runtime.ConnectionRegistry;
import io.fastrtc.jakarta.runtime.EndReason;
import io.fastrtc.jakarta.runtime.HandlerLease;
import io.fastrtc.jakarta.runtime.IceSettings;
import io.fastrtc.jakarta.runtime.RuntimeMetrics;
import io.fastrtc.jakarta.runtime.RuntimeServices;
import io.fastrtc.jakarta.runtime.stream.StreamDefinition;
import io.fastrtc.jakarta.runtime.telephone.TelephoneCalls;
import io.fastrtc.jakarta.runtime.webrtc.WebRtcEngine;
import io.fastrtc.jakarta.runtime.webrtc.WebRtcSignaling;
import io.fastrtc.jakarta.runtime.webrtc.WebRtcUnavailableException;
import io.fastrtc.jakarta.runtime.websocket.WebSocketSessions;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ContextService;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The engine of one deployed application: executors, the connection registry, the audio clock and
 * libwebrtc. Started when the application starts and stopped when it stops (undeploy, redeploy,
 * server stop), closing every connection and disposing libwebrtc's factory.
 */
@ApplicationScoped
public class FastRtcRuntime {
  private static final Logger LOG = Logger.getLogger(FastRtcRuntime.class.getName());

  @Resource ManagedExecutorService executor;
  @Resource ManagedScheduledExecutorService scheduler;
  @Resource ManagedThreadFactory threads;
  @Resource ContextService contexts;
  @Inject Instance<HandlerLifecycle> handlers;
  @Inject Validator validator;

  private RuntimeMetrics metrics;
  private ConnectionRegistry registry;
  private AudioClock clock;
  private WebRtcEngine engine;
  private WebRtcSignaling signaling;
  private WebSocketSessions websockets;
  private TelephoneCalls telephone;
  private String unavailableReason;
  private EndReason stopReason;

  @SuppressWarnings("unused") // held only so that start() loads the classes
  private List<Class<?>> stopPathClasses;

  void onStart(@Observes Startup event) {
    // Touching the bean creates it eagerly, so libwebrtc problems show at startup.
    LOG.fine(() -> "FastRTC runtime ready: " + (engine != null));
  }

  @PostConstruct
  void start() {
    // Load what the stop path needs now: when the WAR is replaced in dropins, its file is gone
    // by the time the application stops, and classes can no longer be loaded from it.
    stopReason = EndReason.SERVER_STOP;
    // closeAll needs Connection even when no connection ever loaded it; without it stop() fails
    // there (CWWKL0002E) and libwebrtc is never disposed.
    stopPathClasses = List.of(Connection.class);
    metrics = new RuntimeMetrics();
    // libwebrtc calls back on native threads that carry no application context; these proxies
    // apply the context captured here, so tasks they submit run with the application's class
    // loader and naming context like any request.
    Executor appExecutor = contexts.createContextualProxy(executor, Executor.class);
    ScheduledExecutorService appScheduler =
        contexts.createContextualProxy(scheduler, ScheduledExecutorService.class);
    RuntimeServices services =
        new RuntimeServices(appExecutor, appScheduler, WebRtcEngine.resamplers(), metrics);
    registry = new ConnectionRegistry(services);
    clock = new AudioClock(registry, metrics, threads);
    try {
      engine = WebRtcEngine.start(iceSettings(ConfigProvider.getConfig()));
    } catch (WebRtcUnavailableException e) {
      unavailableReason = e.getMessage();
      LOG.severe(unavailableReason);
    }
    signaling = new WebRtcSignaling(engine, unavailableReason, registry, services, this::lease);
    websockets = new WebSocketSessions(registry, services, this::lease);
    telephone =
        new TelephoneCalls(
            registry,
            services,
            this::lease,
            () ->
                ConfigProvider.getConfig()
                    .getOptionalValue(TelephoneCalls.PUBLIC_URL_KEY, String.class)
                    .orElse(null),
            (call, values) ->
                call.updateInputs(
                    current -> call.definition().inputs().merge(current, values, validator)));
  }

  private HandlerLease lease(StreamDefinition stream) {
    Instance.Handle<? extends HandlerLifecycle> handle =
        handlers.select(stream.handlerClass()).getHandle();
    return new HandlerLease(handle.get(), handle::destroy);
  }

  static IceSettings iceSettings(Config config) {
    List<String> urls =
        config
            .getOptionalValue("fastrtc.ice.servers", String.class)
            .map(
                s ->
                    Arrays.stream(s.split(","))
                        .map(String::trim)
                        .filter(u -> !u.isEmpty())
                        .toList())
            .orElse(List.of());
    return new IceSettings(
        urls,
        config.getOptionalValue("fastrtc.ice.username", String.class).orElse(""),
        config.getOptionalValue("fastrtc.ice.credential", String.class).orElse(""),
        config.getOptionalValue("fastrtc.ice.port-min", Integer.class).orElse(0),
        config.getOptionalValue("fastrtc.ice.port-max", Integer.class).orElse(0));
  }

  @PreDestroy
  void stop() {
    registry.closeAll(stopReason);
    clock.stop();
    if (engine != null) {
      engine.close();
    }
  }

  /** WebRTC signalling. */
  public WebRtcSignaling signaling() {
    return signaling;
  }

  /** The WebSocket transport ({@code /websocket/offer}). */
  public WebSocketSessions websockets() {
    return websockets;
  }

  /** The telephone transport ({@code /telephone/*}). */
  public TelephoneCalls telephone() {
    return telephone;
  }

  /** Live connections. */
  public ConnectionRegistry registry() {
    return registry;
  }

  /** Runtime counters. */
  public RuntimeMetrics metrics() {
    return metrics;
  }

  /** Why WebRTC is unavailable, or null when it works. */
  public String unavailableReason() {
    return unavailableReason;
  }
}
