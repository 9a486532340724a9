package io.fastrtc.jakarta.runtime.stream;

import io.fastrtc.jakarta.api.StreamGroup;
import io.fastrtc.jakarta.runtime.config.Settings;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Whether configuration switches a stream on: its own {@code fastrtc.stream.<name>.enabled} when
 * set, else its {@link StreamGroup}'s {@code fastrtc.<group>.enabled} or the group's default, else
 * on.
 */
final class StreamSwitch {
  private static final Pattern GROUP = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

  private StreamSwitch() {}

  /**
   * Whether the stream {@code name} declared by {@code beanClass} is on.
   *
   * @throws IllegalStateException when its group has an invalid name
   */
  static boolean enabled(Class<?> beanClass, String name, Settings settings) {
    Optional<Boolean> own = settings.streamEnabled(name);
    if (own.isPresent()) {
      return own.get();
    }
    return group(beanClass)
        .map(g -> settings.groupEnabled(g.value()).orElse(g.enabledByDefault()))
        .orElse(true);
  }

  /** The group on the class, else on its package. */
  static Optional<StreamGroup> group(Class<?> beanClass) {
    StreamGroup group = beanClass.getAnnotation(StreamGroup.class);
    if (group == null) {
      group = beanClass.getPackage().getAnnotation(StreamGroup.class);
    }
    if (group != null && !GROUP.matcher(group.value()).matches()) {
      throw new IllegalStateException(
          "@StreamGroup name \""
              + group.value()
              + "\" must match "
              + GROUP.pattern()
              + " (stream bean "
              + beanClass.getName()
              + ")");
    }
    return Optional.ofNullable(group);
  }
}
