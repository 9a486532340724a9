package io.fastrtc.jakarta.runtime.cdi;

import io.fastrtc.jakarta.api.OutputSubscriber;
import io.fastrtc.jakarta.api.OutputSubscription;
import io.fastrtc.jakarta.api.StreamConnections;
import io.fastrtc.jakarta.api.UnknownConnectionException;
import io.fastrtc.jakarta.runtime.FastRtcEngine;
import io.fastrtc.jakarta.runtime.connection.Connection;
import io.fastrtc.jakarta.runtime.stream.InputSpec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link StreamConnections} of this application: inputs validated with the container's Bean
 * Validation, outputs from each connection's {@link
 * io.fastrtc.jakarta.runtime.connection.OutputBuffer}.
 */
@ApplicationScoped
public class FastRtcConnections implements StreamConnections {
  @Inject FastRtcEngine runtime;
  @Inject Validator validator;

  @Override
  public Optional<String> streamOf(String connectionId) {
    return runtime.registry().find(connectionId).map(c -> c.definition().name());
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

  private Connection live(String connectionId) {
    Objects.requireNonNull(connectionId, "connectionId == null");
    return runtime
        .registry()
        .find(connectionId)
        .filter(Connection::isOpen)
        .orElseThrow(() -> new UnknownConnectionException(connectionId));
  }
}
