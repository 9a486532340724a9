package io.fastrtc.jakarta.runtime.connection;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The keys of the last {@value #CAPACITY} connections that closed, oldest forgotten first, so that
 * a late request for one is told {@code connection_closed} rather than {@code unknown}.
 */
final class RecentlyClosed {
  static final int CAPACITY = 1024;

  /** The keys in closing order (the values are unused). */
  private final Map<ConnectionKey, Boolean> keys =
      new LinkedHashMap<>(64, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<ConnectionKey, Boolean> eldest) {
          return size() > CAPACITY;
        }
      };

  synchronized void add(ConnectionKey key) {
    keys.put(key, Boolean.TRUE);
  }

  /** A connection with this key was admitted again: it is live, not closed. */
  synchronized void remove(ConnectionKey key) {
    keys.remove(key);
  }

  synchronized boolean contains(ConnectionKey key) {
    return keys.containsKey(key);
  }

  /** Whether any owner's connection with this id closed recently. */
  synchronized boolean containsId(String id) {
    return keys.keySet().stream().anyMatch(k -> k.id().equals(id));
  }
}
