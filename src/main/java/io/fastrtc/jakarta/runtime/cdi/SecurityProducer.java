package io.fastrtc.jakarta.runtime.cdi;

import io.fastrtc.jakarta.runtime.config.Settings;
import io.fastrtc.jakarta.runtime.security.StreamAccess;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.logging.Logger;

/**
 * Produces the application's {@link StreamAccess} and says at start, in one log line, whether
 * single sign-on is on and with which provider.
 */
@ApplicationScoped
public class SecurityProducer {
  private static final Logger LOG = Logger.getLogger(SecurityProducer.class.getName());

  void onStart(@Observes Startup event, StreamAccess access) {
    LOG.info(access.security().describe());
  }

  /** Who may use what, from the application's settings. */
  @Produces
  @Singleton
  StreamAccess access(Settings settings) {
    return new StreamAccess(settings);
  }
}
