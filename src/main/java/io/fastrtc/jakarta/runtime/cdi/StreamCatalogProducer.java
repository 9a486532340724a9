package io.fastrtc.jakarta.runtime.cdi;

import io.fastrtc.jakarta.runtime.stream.StreamCatalog;
import io.fastrtc.jakarta.runtime.stream.StreamSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.validation.Validator;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Produces the {@link StreamCatalog} of the deployed streams, with the overrides of MicroProfile
 * Config, and loads it at startup so that bad input defaults fail the deployment.
 */
@ApplicationScoped
public class StreamCatalogProducer {
  private static final Logger LOG = Logger.getLogger(StreamCatalogProducer.class.getName());

  @Inject StreamDiscovery discovery;
  @Inject Validator validator;

  @Produces
  @Singleton
  StreamCatalog catalog() {
    return StreamCatalog.load(
        discovery.definitions(),
        StreamSettings.of(ConfigProvider.getConfig()::getOptionalValue),
        validator);
  }

  void onStart(@Observes Startup event, StreamCatalog catalog) {
    LOG.fine(() -> "Stream catalog ready: " + catalog.all().size());
  }
}
