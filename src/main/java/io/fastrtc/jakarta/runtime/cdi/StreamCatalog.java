package io.fastrtc.jakarta.runtime.cdi;

import io.fastrtc.jakarta.runtime.StreamDefinition;
import io.fastrtc.jakarta.runtime.config.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The deployed streams, with server-side overrides from {@link Settings}: {@code
 * fastrtc.stream.<name>.concurrency-limit} and {@code fastrtc.stream.<name>.time-limit}.
 */
@ApplicationScoped
public class StreamCatalog {
  private static final Logger LOG = Logger.getLogger(StreamCatalog.class.getName());

  @Inject StreamDiscovery discovery;
  @Inject Validator validator;
  @Inject Settings settings;

  private List<StreamDefinition> streams = List.of();

  void onStart(@Observes Startup event) {
    // Touching the bean loads it at startup, so bad input defaults fail the deployment.
    LOG.fine(() -> "Stream catalog ready: " + streams.size());
  }

  @PostConstruct
  void load() {
    streams =
        discovery.definitions().stream()
            .map(d -> override(d, settings))
            .sorted(Comparator.comparing(StreamDefinition::name))
            .toList();
    for (StreamDefinition d : streams) {
      d.inputs().validateDefaults(validator, " (stream bean " + d.handlerClass().getName() + ")");
    }
    LOG.info(() -> "Streams: " + streams.stream().map(StreamDefinition::name).toList());
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
