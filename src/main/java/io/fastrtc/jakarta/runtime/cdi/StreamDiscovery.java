package io.fastrtc.jakarta.runtime.cdi;

import io.fastrtc.jakarta.api.RealtimeStream;
import io.fastrtc.jakarta.runtime.StreamDefinition;
import io.fastrtc.jakarta.runtime.config.Settings;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.WithAnnotations;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * A CDI portable extension that finds every {@link RealtimeStream} bean while the application
 * deploys and validates it. Any problem fails the deployment with the bean's class name. Streams
 * switched off by configuration are left out (see {@link #enabled}).
 */
public class StreamDiscovery implements Extension {
  private static final Logger LOG = Logger.getLogger(StreamDiscovery.class.getName());
  private static final String DEMO_PACKAGE = "io.fastrtc.jakarta.demo";
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
    Settings settings = Settings.fromConfig();
    for (Class<?> c : found) {
      try {
        StreamDefinition d = StreamDefinition.of(c);
        if (!enabled(c, d.name(), settings)) {
          LOG.info(() -> "Stream " + d.name() + " (" + c.getName() + ") is switched off");
          continue;
        }
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

  /**
   * Whether a stream is on: {@code fastrtc.stream.<name>.enabled} decides when set; otherwise the
   * bundled demo streams are on only with {@code fastrtc.demo.enabled=true} (the WAR sets it, the
   * reusable jar does not), and every other stream is on.
   */
  static boolean enabled(Class<?> c, String name, Settings settings) {
    Optional<Boolean> own = settings.streamEnabled(name);
    if (own.isPresent()) {
      return own.get();
    }
    if (c.getPackageName().equals(DEMO_PACKAGE)) {
      return settings.demoEnabled();
    }
    return true;
  }

  /** The validated declarations, in discovery order. */
  public List<StreamDefinition> definitions() {
    return List.copyOf(definitions);
  }
}
