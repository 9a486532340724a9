package io.fastrtc.jakarta.runtime.cdi;

import io.fastrtc.jakarta.api.OutputSubscriber;
import io.fastrtc.jakarta.api.OutputSubscription;
import io.fastrtc.jakarta.api.StreamConnections;
import io.fastrtc.jakarta.api.StreamUser;
import io.fastrtc.jakarta.runtime.FastRtcEngine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link StreamConnections} of this application: inputs validated with the container's Bean
 * Validation, outputs from each connection's {@link
 * io.fastrtc.jakarta.runtime.connection.OutputBuffer}. It sees every connection; {@link
 * #forUser(StreamUser)} gives the view of one user.
 */
@ApplicationScoped
public class FastRtcConnections implements StreamConnections {
  @Inject FastRtcEngine runtime;
  @Inject Validator validator;

  private ConnectionsView all() {
    return new ConnectionsView(runtime.registry(), validator, id -> runtime.registry().find(id));
  }

  @Override
  public Optional<String> streamOf(String connectionId) {
    return all().streamOf(connectionId);
  }

  @Override
  public Map<String, Object> setInput(String connectionId, Map<String, ?> values) {
    return all().setInput(connectionId, values);
  }

  @Override
  public void setInput(String connectionId, Record inputs) {
    all().setInput(connectionId, inputs);
  }

  @Override
  public Map<String, Object> inputs(String connectionId) {
    return all().inputs(connectionId);
  }

  @Override
  public OutputSubscription subscribe(
      String connectionId, long afterSequence, OutputSubscriber subscriber) {
    return all().subscribe(connectionId, afterSequence, subscriber);
  }

  @Override
  public StreamConnections forUser(StreamUser user) {
    Objects.requireNonNull(user, "user == null");
    return new ConnectionsView(
        runtime.registry(), validator, id -> runtime.registry().find(id, user));
  }
}
