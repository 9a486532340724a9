package io.fastrtc.jakarta.runtime.connection;

import io.fastrtc.jakarta.api.StreamUser;
import io.fastrtc.jakarta.runtime.stream.StreamDefinition;
import io.fastrtc.jakarta.runtime.wire.ErrorCode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * All live connections, by id, across transports: the one place that admits a connection (unique
 * id, per-stream concurrency limit) and forgets it when it closes, which frees its slot. Under
 * single sign-on it is also the one place that binds a connection to its user: the lookups made for
 * a caller ({@link #find(String, StreamUser)}, {@link #closedRecently(String, StreamUser)}) answer
 * for another user's connection exactly as for an unknown id.
 */
public final class ConnectionRegistry {
  private static final Logger LOG = Logger.getLogger(ConnectionRegistry.class.getName());
  private static final int RECENTLY_CLOSED = 1024;

  private static final long RELEASE_WAIT_MILLIS = 5_000;

  private final Map<String, Connection> live = new ConcurrentHashMap<>();

  /** Closed connections whose close path may still be releasing native objects. */
  private final Set<Connection> closing = ConcurrentHashMap.newKeySet();

  /** Recently closed ids, with their owner's name ("" for none). */
  private final Map<String, String> recentlyClosed =
      new LinkedHashMap<>(64, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
          return size() > RECENTLY_CLOSED;
        }
      };

  private final RuntimeServices services;

  /** Creates an empty registry. */
  public ConnectionRegistry(RuntimeServices services) {
    this.services = services;
  }

  /**
   * Admits a new connection if the id is free and the stream is under its limit. The handler is
   * obtained only when admitted, and the connection leaves the registry when it closes.
   *
   * @param handlers obtains a fresh handler instance for the stream
   */
  public Admission admit(
      StreamDefinition definition, String id, Function<StreamDefinition, HandlerLease> handlers) {
    return admit(definition, id, null, handlers);
  }

  /**
   * Admits a new connection that belongs to {@code owner}: only lookups for that user find it.
   *
   * @param owner the authenticated user opening it, or null without single sign-on
   * @param handlers obtains a fresh handler instance for the stream
   */
  public synchronized Admission admit(
      StreamDefinition definition,
      String id,
      StreamUser owner,
      Function<StreamDefinition, HandlerLease> handlers) {
    if (live.containsKey(id)) {
      return Admission.refused(ErrorCode.CONNECTION_ALREADY_EXISTS, 0);
    }
    long inUse = live.values().stream().filter(c -> c.definition().equals(definition)).count();
    if (inUse >= definition.concurrencyLimit()) {
      return Admission.refused(ErrorCode.CONCURRENCY_LIMIT_REACHED, definition.concurrencyLimit());
    }
    Connection connection =
        new Connection(id, definition, handlers.apply(definition), owner, services);
    connection.onClose(this::forget);
    live.put(id, connection);
    synchronized (recentlyClosed) {
      recentlyClosed.remove(id);
    }
    return Admission.admitted(connection);
  }

  private void forget(Connection connection) {
    closing.removeIf(c -> c.release().isDone());
    closing.add(connection);
    live.remove(connection.id(), connection);
    synchronized (recentlyClosed) {
      recentlyClosed.put(connection.id(), ownerName(connection.owner().orElse(null)));
    }
  }

  /** The live connection with this id. */
  public Optional<Connection> find(String id) {
    return Optional.ofNullable(live.get(id));
  }

  /**
   * The live connection with this id if it belongs to {@code caller}: another user's connection is
   * not found, as if the id were unknown. Without single sign-on both sides have no user.
   *
   * @param caller the user the request is authenticated as, or null for none
   */
  public Optional<Connection> find(String id, StreamUser caller) {
    return find(id).filter(c -> ownerName(c.owner().orElse(null)).equals(ownerName(caller)));
  }

  /** Whether a connection with this id closed recently (for {@code connection_closed}). */
  public boolean closedRecently(String id) {
    synchronized (recentlyClosed) {
      return recentlyClosed.containsKey(id);
    }
  }

  /** Whether {@code caller}'s connection with this id closed recently; never another user's. */
  public boolean closedRecently(String id, StreamUser caller) {
    synchronized (recentlyClosed) {
      return ownerName(caller).equals(recentlyClosed.get(id));
    }
  }

  private static String ownerName(StreamUser user) {
    return user == null ? "" : Objects.requireNonNull(user.name());
  }

  /** Live connections of one stream. */
  public int count(StreamDefinition definition) {
    return (int) live.values().stream().filter(c -> c.definition().equals(definition)).count();
  }

  /** Every live connection. */
  public Collection<Connection> all() {
    return live.values();
  }

  /**
   * Closes every connection (undeploy, server stop) and waits, up to 5 s in all, until every close
   * path, including those already running on other threads (a watchdog, a client's hang-up), has
   * released its transport: libwebrtc's factory must not be disposed under a peer still closing.
   */
  public void closeAll(EndReason reason) {
    List<Connection> snapshot = new ArrayList<>(live.values());
    snapshot.forEach(c -> c.close(reason));
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(RELEASE_WAIT_MILLIS);
    try {
      Set<Connection> pending = new HashSet<>(snapshot);
      pending.addAll(closing);
      for (Connection c : pending) {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0 || !c.release().await(left)) {
          LOG.warning(() -> "Connection " + c.id() + " was still closing when the engine stopped");
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      closing.removeIf(c -> c.release().isDone());
    }
  }
}
