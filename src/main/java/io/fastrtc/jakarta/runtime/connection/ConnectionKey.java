package io.fastrtc.jakarta.runtime.connection;

import io.fastrtc.jakarta.api.StreamUser;
import java.util.Objects;

/** A connection's key in the registry: its owner's name ("" for none) and its id. */
record ConnectionKey(String owner, String id) {
  static ConnectionKey of(String id, StreamUser owner) {
    return new ConnectionKey(owner == null ? "" : Objects.requireNonNull(owner.name()), id);
  }

  static ConnectionKey of(Connection c) {
    return of(c.id(), c.owner().orElse(null));
  }
}
