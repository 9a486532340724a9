package io.fastrtc.jakarta.runtime.stream;

import io.fastrtc.jakarta.runtime.config.Settings;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The deployed streams, by name, with the server-side overrides of {@link Settings}: {@code
 * fastrtc.stream.<name>.concurrency-limit} and {@code fastrtc.stream.<name>.time-limit}.
 */
public final class StreamCatalog {
  private static final Logger LOG = Logger.getLogger(StreamCatalog.class.getName());

  private final List<StreamDefinition> streams;

  private StreamCatalog(List<StreamDefinition> streams) {
    this.streams = streams;
  }

  /**
   * Applies the overrides to the discovered streams and checks their inputs' defaults.
   *
   * @throws IllegalStateException when a stream's input defaults break their constraints
   */
  public static StreamCatalog load(
      List<StreamDefinition> discovered, Settings settings, Validator validator) {
    List<StreamDefinition> streams =
        discovered.stream()
            .map(d -> override(d, settings))
            .sorted(Comparator.comparing(StreamDefinition::name))
            .toList();
    for (StreamDefinition d : streams) {
      d.inputs().validateDefaults(validator, " (stream bean " + d.handlerClass().getName() + ")");
    }
    LOG.info(() -> "Streams: " + streams.stream().map(StreamDefinition::name).toList());
    return new StreamCatalog(streams);
  }

  private static StreamDefinition override(StreamDefinition d, Settings settings) {
    int limit = settings.concurrencyLimit(d.name(), d.concurrencyLimit());
    int time = settings.timeLimit(d.name(), d.timeLimitSeconds());
    return limit == d.concurrencyLimit() && time == d.timeLimitSeconds()
        ? d
        : d.withLimits(limit, time);
  }

  /** All streams, by name. */
  public List<StreamDefinition> all() {
    return streams;
  }

  /** The stream with this name. */
  public Optional<StreamDefinition> find(String name) {
    return streams.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  /**
   * The stream on FastRTC's root paths: the one marked default, else the only stream, else none.
   */
  public Optional<StreamDefinition> defaultStream() {
    Optional<StreamDefinition> marked =
        streams.stream().filter(StreamDefinition::isDefault).findFirst();
    if (marked.isPresent()) {
      return marked;
    }
    return streams.size() == 1 ? Optional.of(streams.get(0)) : Optional.empty();
  }
}
