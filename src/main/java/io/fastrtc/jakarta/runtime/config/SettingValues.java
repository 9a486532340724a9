package io.fastrtc.jakarta.runtime.config;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The value parsing behind {@link Settings}: text, booleans, integers in a range, seconds and
 * comma-separated lists, each refused with an {@link IllegalArgumentException} naming the key and
 * the bad value.
 */
final class SettingValues {
  private final Function<String, Optional<String>> source;

  SettingValues(Function<String, Optional<String>> source) {
    this.source = source;
  }

  /** A comma-separated list, trimmed, without empty elements. */
  static List<String> list(String value) {
    return Arrays.stream(value.split(",")).map(String::trim).filter(u -> !u.isEmpty()).toList();
  }

  /** The raw value of {@code key}, or empty when it is not set. */
  Optional<String> text(String key) {
    return source.apply(key);
  }

  /**
   * MicroProfile Config's booleans: true, 1, yes, y and on are true; false, 0, no, n and off are
   * false (any case); anything else is refused, naming the key, rather than read as false.
   */
  Optional<Boolean> bool(String key) {
    return text(key)
        .map(
            v ->
                switch (v.trim().toLowerCase(Locale.ROOT)) {
                  case "true", "1", "yes", "y", "on" -> true;
                  case "false", "0", "no", "n", "off" -> false;
                  default ->
                      throw new IllegalArgumentException(
                          key + " must be true or false (or 1/0, yes/no, on/off): " + v);
                });
  }

  /** An integer from {@code min} to {@code max}, or empty when the key is not set. */
  Optional<Integer> integer(String key, int min, int max) {
    Optional<String> value = text(key);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    int n;
    try {
      n = Integer.parseInt(value.get().trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be an integer: " + value.get(), e);
    }
    if (n < min || n > max) {
      throw new IllegalArgumentException(
          key + " must be from " + min + " to " + max + ": " + value.get());
    }
    return Optional.of(n);
  }

  /** A whole number of seconds from 0 (0 meaning never), or empty when the key is not set. */
  Optional<Duration> seconds(String key) {
    Optional<Integer> value = integer(key, 0, Integer.MAX_VALUE);
    if (value.isPresent() && value.get() < 0) {
      throw new IllegalArgumentException(
          key + " must be 0 (never) or more seconds: " + value.get());
    }
    return value.map(Duration::ofSeconds);
  }

  /** A whole number of seconds from 0, else {@code defaultSeconds}. */
  Duration seconds(String key, int defaultSeconds) {
    int value = integer(key, 0, Integer.MAX_VALUE).orElse(defaultSeconds);
    if (value < 0) {
      throw new IllegalArgumentException(key + " must not be negative: " + value);
    }
    return Duration.ofSeconds(value);
  }

  /** {@code fastrtc.ice.*}: the server peer's ICE settings, the port range checked. */
  IceSettings ice() {
    int min = integer(ConfigKey.ICE_PORT_MIN.name(), 0, 65_535).orElse(0);
    int max = integer(ConfigKey.ICE_PORT_MAX.name(), 0, 65_535).orElse(0);
    if (min > max) {
      throw new IllegalArgumentException(
          ConfigKey.ICE_PORT_MIN.name()
              + " must not be above "
              + ConfigKey.ICE_PORT_MAX.name()
              + ": "
              + min
              + " > "
              + max);
    }
    return new IceSettings(
        text(ConfigKey.ICE_SERVERS.name()).map(SettingValues::list).orElse(List.of()),
        text(ConfigKey.ICE_USERNAME.name()).orElse(""),
        text(ConfigKey.ICE_CREDENTIAL.name()).orElse(""),
        min,
        max);
  }
}
