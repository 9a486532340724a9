package io.fastrtc.jakarta.runtime.cdi;

import io.fastrtc.jakarta.runtime.config.Settings;
import io.fastrtc.jakarta.runtime.stream.StreamCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.validation.Validator;
import java.util.logging.Logger;

/**
 * Produces the {@link StreamCatalog} of the deployed streams, with the overrides of {@link
 * Settings}, and loads it at startup so that bad input defaults fail the deployment.
 */
@ApplicationScoped
public class StreamCatalogProducer {
  private static final Logger LOG = Logger.getLogger(StreamCatalogProducer.class.getName());

  @Inject StreamDiscovery discovery;
  @Inject Validator validator;
  @Inject Settings settings;

  @Produces
  @Singleton
  StreamCatalog catalog() {
    return StreamCatalog.load(discovery.definitions(), settings, validator);
  }

  void onStart(@Observes Startup event, StreamCatalog catalog) {
    LOG.fine(() -> "Stream catalog ready: " + catalog.all().size());
  }
}
