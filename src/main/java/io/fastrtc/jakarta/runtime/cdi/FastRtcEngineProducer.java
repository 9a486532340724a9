package io.fastrtc.jakarta.runtime.cdi;

import io.fastrtc.jakarta.api.HandlerLifecycle;
import io.fastrtc.jakarta.runtime.FastRtcEngine;
import io.fastrtc.jakarta.runtime.config.Settings;
import io.fastrtc.jakarta.runtime.connection.HandlerLease;
import io.fastrtc.jakarta.runtime.stream.StreamDefinition;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ContextService;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.validation.Validator;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.logging.Logger;

/**
 * Produces the application's {@link FastRtcEngine} from the container's executors, handler beans
 * and Bean Validation, and disposes it when the application stops (undeploy, redeploy, server
 * stop). The engine is created when the application starts, so libwebrtc problems show then.
 */
@ApplicationScoped
public class FastRtcEngineProducer {
  private static final Logger LOG = Logger.getLogger(FastRtcEngineProducer.class.getName());

  @Resource ManagedExecutorService executor;
  @Resource ManagedScheduledExecutorService scheduler;
  @Resource ManagedThreadFactory threads;
  @Resource ContextService contexts;
  @Inject Instance<HandlerLifecycle> handlers;
  @Inject Validator validator;

  void onStart(@Observes Startup event, FastRtcEngine engine) {
    // Calling the engine creates it eagerly, so libwebrtc problems show at startup.
    boolean webRtc = engine.unavailableReason() == null;
    LOG.fine(() -> "FastRTC engine ready: " + webRtc);
  }

  /** The application's settings, read once. */
  @Produces
  @Singleton
  Settings settings() {
    return Settings.fromConfig();
  }

  /** The application's engine, started. */
  @Produces
  @ApplicationScoped
  FastRtcEngine engine(Settings settings) {
    // libwebrtc calls back on native threads that carry no application context; these proxies
    // apply the context captured here, so tasks they submit run with the application's class
    // loader and naming context like any request.
    Executor appExecutor = contexts.createContextualProxy(executor, Executor.class);
    ScheduledExecutorService appScheduler =
        contexts.createContextualProxy(scheduler, ScheduledExecutorService.class);
    return FastRtcEngine.builder(settings)
        .executor(appExecutor)
        .scheduler(appScheduler)
        .threads(threads)
        .handlers(this::lease)
        .validator(validator)
        .build();
  }

  static void stop(@Disposes FastRtcEngine engine) {
    engine.stop();
  }

  private HandlerLease lease(StreamDefinition stream) {
    Instance.Handle<? extends HandlerLifecycle> handle =
        handlers.select(stream.handlerClass()).getHandle();
    return new HandlerLease(handle.get(), handle::destroy);
  }
}
