package io.fastrtc.jakarta.runtime.cdi;

import io.fastrtc.jakarta.api.OutputSubscriber;
import io.fastrtc.jakarta.api.OutputSubscription;
import io.fastrtc.jakarta.api.StreamConnections;
import io.fastrtc.jakarta.api.StreamUser;
import io.fastrtc.jakarta.api.UnknownConnectionException;
import io.fastrtc.jakarta.runtime.connection.Connection;
import io.fastrtc.jakarta.runtime.connection.ConnectionRegistry;
import io.fastrtc.jakarta.runtime.stream.InputSpec;
import jakarta.validation.Validator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/** {@link StreamConnections} over the connections one lookup finds (all, or one user's). */
final class ConnectionsView implements StreamConnections {
  private final ConnectionRegistry registry;
  private final Validator validator;
  private final Function<String, Optional<Connection>> lookup;

  ConnectionsView(
      ConnectionRegistry registry,
      Validator validator,
      Function<String, Optional<Connection>> lookup) {
    this.registry = registry;
    this.validator = validator;
    this.lookup = lookup;
  }

  @Override
  public Optional<String> streamOf(String connectionId) {
    return lookup.apply(connectionId).map(c -> c.definition().name());
  }

  @Override
  public Map<String, Object> setInput(String connectionId, Map<String, ?> values) {
    Objects.requireNonNull(values, "values == null");
    Connection c = live(connectionId);
    InputSpec spec = c.definition().inputs();
    return spec.toMap(c.updateInputs(current -> spec.merge(current, values, validator)));
  }

  @Override
  public void setInput(String connectionId, Record inputs) {
    Objects.requireNonNull(inputs, "inputs == null");
    Connection c = live(connectionId);
    Object checked = c.definition().inputs().check(inputs, validator);
    c.updateInputs(current -> checked);
  }

  @Override
  public Map<String, Object> inputs(String connectionId) {
    Connection c = live(connectionId);
    return c.definition().inputs().toMap(c.inputs());
  }

  @Override
  public OutputSubscription subscribe(
      String connectionId, long afterSequence, OutputSubscriber subscriber) {
    Objects.requireNonNull(subscriber, "subscriber == null");
    return live(connectionId).subscribeOutputs(afterSequence, subscriber);
  }

  @Override
  public StreamConnections forUser(StreamUser user) {
    Objects.requireNonNull(user, "user == null");
    return new ConnectionsView(registry, validator, id -> registry.find(id, user));
  }

  private Connection live(String connectionId) {
    Objects.requireNonNull(connectionId, "connectionId == null");
    return lookup
        .apply(connectionId)
        .filter(Connection::isOpen)
        .orElseThrow(() -> new UnknownConnectionException(connectionId));
  }
}
