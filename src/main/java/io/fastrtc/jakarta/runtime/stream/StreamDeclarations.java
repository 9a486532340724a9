package io.fastrtc.jakarta.runtime.stream;

import io.fastrtc.jakarta.api.RealtimeStream;
import io.fastrtc.jakarta.runtime.config.Settings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * The {@link RealtimeStream} classes found while an application deploys, turned into validated
 * {@link StreamDefinition}s: each problem is reported with the bean's class name, and streams
 * switched off by configuration are left out (see {@link io.fastrtc.jakarta.api.StreamGroup}).
 */
public final class StreamDeclarations {
  private static final Logger LOG = Logger.getLogger(StreamDeclarations.class.getName());
  private final List<Class<?>> found = new ArrayList<>();
  private final List<StreamDefinition> definitions = new ArrayList<>();

  /** Adds a class when it is annotated {@link RealtimeStream}. */
  public void add(Class<?> beanClass) {
    if (beanClass.isAnnotationPresent(RealtimeStream.class)) {
      found.add(beanClass);
    }
  }

  /**
   * Validates every class added and keeps the definitions of the streams that are on.
   *
   * @param errors receives each problem, as an {@link IllegalStateException} naming the bean
   */
  public void validate(Settings settings, Consumer<? super IllegalStateException> errors) {
    Map<String, Class<?>> names = new HashMap<>();
    List<Class<?>> defaults = new ArrayList<>();
    for (Class<?> c : found) {
      try {
        StreamDefinition d = StreamDefinition.of(c);
        if (!StreamSwitch.enabled(c, d.name(), settings)) {
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
        errors.accept(e);
      }
    }
    if (defaults.size() > 1) {
      errors.accept(
          new IllegalStateException(
              "more than one @RealtimeStream(isDefault = true): " + defaults));
    }
  }

  /** The validated declarations, in discovery order. */
  public List<StreamDefinition> definitions() {
    return List.copyOf(definitions);
  }
}
