package io.fastrtc.jakarta.runtime.stream;

import java.util.Optional;

/**
 * The configuration that switches streams on or off and overrides their limits: every key the
 * stream definitions read, and nothing else.
 */
public interface StreamSettings {

  /** {@code fastrtc.stream.<name>.enabled}: whether this one stream is on. */
  Optional<Boolean> streamEnabled(String stream);

  /** {@code fastrtc.<group>.enabled}: whether the streams of a {@code @StreamGroup} are on. */
  Optional<Boolean> groupEnabled(String group);

  /** {@code fastrtc.stream.<name>.concurrency-limit}: overrides the declared limit. */
  Optional<Integer> concurrencyLimit(String stream);

  /** {@code fastrtc.stream.<name>.time-limit}: overrides the declared time limit, in seconds. */
  Optional<Integer> timeLimitSeconds(String stream);

  /** A typed configuration lookup, such as MicroProfile Config's {@code getOptionalValue}. */
  @FunctionalInterface
  interface Lookup {
    /** The value of a key converted to a type, or empty when the key is not set. */
    <T> Optional<T> get(String key, Class<T> type);
  }

  /** The settings read from a configuration lookup under the documented keys. */
  static StreamSettings of(Lookup lookup) {
    return new StreamSettings() {
      @Override
      public Optional<Boolean> streamEnabled(String stream) {
        return lookup.get("fastrtc.stream." + stream + ".enabled", Boolean.class);
      }

      @Override
      public Optional<Boolean> groupEnabled(String group) {
        return lookup.get("fastrtc." + group + ".enabled", Boolean.class);
      }

      @Override
      public Optional<Integer> concurrencyLimit(String stream) {
        return lookup.get("fastrtc.stream." + stream + ".concurrency-limit", Integer.class);
      }

      @Override
      public Optional<Integer> timeLimitSeconds(String stream) {
        return lookup.get("fastrtc.stream." + stream + ".time-limit", Integer.class);
      }
    };
  }
}
