package io.fastrtc.jakarta.runtime.connection;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The listeners a connection runs once on its close path; one failing never stops the rest. */
final class CloseListeners {
  private static final Logger LOG = Logger.getLogger(Connection.class.getName());

  private final List<Consumer<Connection>> listeners = new CopyOnWriteArrayList<>();

  void add(Consumer<Connection> listener) {
    listeners.add(listener);
  }

  /** Runs every listener in the order added, logging (not throwing) a listener's failure. */
  void run(Connection connection) {
    for (Consumer<Connection> listener : listeners) {
      try {
        listener.accept(connection);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Close listener failed for connection " + connection.id(), e);
      }
    }
  }
}
