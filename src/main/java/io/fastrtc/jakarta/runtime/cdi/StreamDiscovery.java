package io.fastrtc.jakarta.runtime.cdi;

import io.fastrtc.jakarta.api.RealtimeStream;
import io.fastrtc.jakarta.runtime.stream.StreamDeclarations;
import io.fastrtc.jakarta.runtime.stream.StreamDefinition;
import io.fastrtc.jakarta.runtime.stream.StreamSettings;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.WithAnnotations;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * A CDI portable extension that finds every {@link RealtimeStream} bean while the application
 * deploys and validates it with {@link StreamDeclarations}. Any problem fails the deployment with
 * the bean's class name; streams switched off by configuration are left out.
 */
public class StreamDiscovery implements Extension {
  private static final Logger LOG = Logger.getLogger(StreamDiscovery.class.getName());
  private final StreamDeclarations declarations = new StreamDeclarations();

  <T> void collect(@Observes @WithAnnotations(RealtimeStream.class) ProcessAnnotatedType<T> type) {
    declarations.add(type.getAnnotatedType().getJavaClass());
  }

  void validate(@Observes AfterBeanDiscovery event) {
    declarations.validate(settings(), event::addDefinitionError);
  }

  /**
   * The switches as deployment sees them: MicroProfile Config, or system properties where it is not
   * available yet.
   */
  private static StreamSettings settings() {
    try {
      return StreamSettings.of(ConfigProvider.getConfig()::getOptionalValue);
    } catch (RuntimeException | LinkageError e) {
      LOG.fine(() -> "MicroProfile Config unavailable at discovery; using system properties: " + e);
      return StreamSettings.of(
          new StreamSettings.Lookup() {
            @Override
            public <T> Optional<T> get(String key, Class<T> type) {
              return type == Boolean.class
                  ? Optional.ofNullable(System.getProperty(key))
                      .map(Boolean::parseBoolean)
                      .map(type::cast)
                  : Optional.empty();
            }
          });
    }
  }

  /** The validated declarations, in discovery order. */
  public List<StreamDefinition> definitions() {
    return declarations.definitions();
  }
}
