package io.fastrtc.jakarta.web.ui;

import io.fastrtc.jakarta.runtime.config.Settings;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.net.MalformedURLException;
import java.util.logging.Logger;

/**
 * Applies {@code fastrtc.ui.enabled} and {@code fastrtc.ui.path} to the bundled pages of {@code
 * fastrtc-classes.jar}. With the defaults it does nothing: the container serves the jar's {@code
 * META-INF/resources/fastrtc/} at {@code /fastrtc/} as it serves any web fragment's static
 * resources. Otherwise it maps a {@link BundledPageServlet} over {@code /fastrtc/*} that answers
 * 404, and, when the pages are on, another at the configured path that serves them. In the FastRTC
 * WAR itself (whose pages are its own, at the root) there is no such folder and nothing to do.
 */
@WebListener
public class BundledPages implements ServletContextListener {
  private static final Logger LOG = Logger.getLogger(BundledPages.class.getName());

  @Override
  public void contextInitialized(ServletContextEvent event) {
    ServletContext context = event.getServletContext();
    if (!hasBundledPages(context)) {
      return;
    }
    Settings settings = Settings.fromConfig();
    boolean enabled = settings.uiEnabled();
    String path = settings.uiPath();
    if (enabled && path.equals(Settings.DEFAULT_UI_PATH)) {
      LOG.info(() -> "FastRTC pages at " + context.getContextPath() + path + "/");
      return;
    }
    context
        .addServlet("fastrtc-ui-default-location", BundledPageServlet.hidden())
        .addMapping(Settings.DEFAULT_UI_PATH + "/*");
    if (!enabled) {
      LOG.info("FastRTC pages off (fastrtc.ui.enabled=false)");
      return;
    }
    context.addServlet("fastrtc-ui", BundledPageServlet.at(path)).addMapping(path + "/*");
    LOG.info(() -> "FastRTC pages at " + context.getContextPath() + path + "/");
  }

  private static boolean hasBundledPages(ServletContext context) {
    try {
      return context.getResource(BundledPageServlet.RESOURCES + "/index.html") != null;
    } catch (MalformedURLException e) {
      return false;
    }
  }
}
