package io.fastrtc.jakarta.web;

import io.fastrtc.jakarta.runtime.FastRtcEngine;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * Stops the engine when the web application stops, while its classes can still be loaded. Payara
 * (GlassFish) stops the application's class loader with the web module and shuts CDI down only
 * afterwards, so the engine's CDI disposer alone would close connections and libwebrtc with a
 * stopped class loader: nothing closed, libwebrtc left running. Liberty calls this just before its
 * CDI shutdown; the disposer's second {@link FastRtcEngine#stop()} then does nothing.
 */
@WebListener
public class EngineShutdown implements ServletContextListener {
  @Inject FastRtcEngine engine;

  @Override
  public void contextDestroyed(ServletContextEvent event) {
    engine.stop();
  }
}
