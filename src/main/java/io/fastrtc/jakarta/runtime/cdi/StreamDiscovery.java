package io.fastrtc.jakarta.runtime.cdi;

import io.fastrtc.jakarta.api.RealtimeStream;
import io.fastrtc.jakarta.runtime.StreamDefinition;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.WithAnnotations;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A CDI portable extension that finds every {@link RealtimeStream} bean while the application
 * deploys and validates it. Any problem fails the deployment with the bean's class name.
 */
public class StreamDiscovery implements Extension {
  private final List<Class<?>> found = new ArrayList<>();
  private final List<StreamDefinition> definitions = new ArrayList<>();

  <T> void collect(@Observes @WithAnnotations(RealtimeStream.class) ProcessAnnotatedType<T> type) {
    Class<T> c = type.getAnnotatedType().getJavaClass();
    if (c.isAnnotationPresent(RealtimeStream.class)) {
      found.add(c);
    }
  }

  void validate(@Observes AfterBeanDiscovery event) {
    Map<String, Class<?>> names = new HashMap<>();
    List<Class<?>> defaults = new ArrayList<>();
    for (Class<?> c : found) {
      try {
        StreamDefinition d = StreamDefinition.of(c);
        Class<?> previous = names.putIfAbsent(d.name(), c);
        if (previous != null) {
          throw new IllegalStateException(
              "stream name \""
                  + d.name()
                  + "\" is declared by both "
                  + previous.getName()
                  + " and "
                  + c.getName());
        }
        if (d.isDefault()) {
          defaults.add(c);
        }
        definitions.add(d);
      } catch (IllegalStateException e) {
        event.addDefinitionError(e);
      }
    }
    if (defaults.size() > 1) {
      event.addDefinitionError(
          new IllegalStateException(
              "more than one @RealtimeStream(isDefault = true): " + defaults));
    }
  }

  /** The validated declarations, in discovery order. */
  public List<StreamDefinition> definitions() {
    return List.copyOf(definitions);
  }
}
