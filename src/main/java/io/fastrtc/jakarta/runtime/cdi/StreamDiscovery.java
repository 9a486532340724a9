package io.fastrtc.jakarta.runtime.cdi;

import io.fastrtc.jakarta.api.RealtimeStream;
import io.fastrtc.jakarta.runtime.config.Settings;
import io.fastrtc.jakarta.runtime.stream.StreamDeclarations;
import io.fastrtc.jakarta.runtime.stream.StreamDefinition;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.WithAnnotations;
import java.util.List;

/**
 * A CDI portable extension that finds every {@link RealtimeStream} bean while the application
 * deploys and validates it with {@link StreamDeclarations}. Any problem fails the deployment with
 * the bean's class name; streams switched off by configuration are left out.
 */
public class StreamDiscovery implements Extension {
  private final StreamDeclarations declarations = new StreamDeclarations();

  <T> void collect(@Observes @WithAnnotations(RealtimeStream.class) ProcessAnnotatedType<T> type) {
    declarations.add(type.getAnnotatedType().getJavaClass());
  }

  void validate(@Observes AfterBeanDiscovery event) {
    // MicroProfile Config may be unavailable while CDI discovers the beans: Settings then reads
    // system properties.
    declarations.validate(Settings.fromConfig(), event::addDefinitionError);
  }

  /** The validated declarations, in discovery order. */
  public List<StreamDefinition> definitions() {
    return declarations.definitions();
  }
}
