package io.fastrtc.jakarta.runtime.config;

import java.util.function.Supplier;

/**
 * A setting read at start, or the error that reading it gave, thrown again on every use.
 *
 * @param value the value, or null when reading failed
 * @param error the error reading gave, or null
 */
record CheckedSetting<T>(T value, IllegalArgumentException error) {
  static <T> CheckedSetting<T> of(Supplier<T> read) {
    try {
      return new CheckedSetting<>(read.get(), null);
    } catch (IllegalArgumentException e) {
      return new CheckedSetting<>(null, e);
    }
  }

  T get() {
    if (error != null) {
      throw new IllegalArgumentException(error.getMessage(), error);
    }
    return value;
  }
}
