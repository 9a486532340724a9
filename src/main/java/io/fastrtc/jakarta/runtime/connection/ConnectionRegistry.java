package io.fastrtc.jakarta.runtime.connection;

import io.fastrtc.jakarta.api.StreamUser;
import io.fastrtc.jakarta.runtime.cluster.Cluster;
import io.fastrtc.jakarta.runtime.stream.StreamDefinition;
import io.fastrtc.jakarta.runtime.wire.ErrorCode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * All live connections, by owner and id, across transports: the one place that admits a connection
 * (id unique per owner, per-stream concurrency limit) and forgets it when it closes, which frees
 * its slot. Under single sign-on it is also the one place that binds a connection to its user: ids
 * are scoped to their owner, so the lookups made for a caller ({@link #find(String, StreamUser)},
 * {@link #closedRecently(String, StreamUser)}) never see another user's connection, and an offer
 * that reuses another user's id opens the caller's own connection, exactly as for a fresh id.
 */
public final class ConnectionRegistry {
  private static final Logger LOG = Logger.getLogger(ConnectionRegistry.class.getName());

  private static final long RELEASE_WAIT_MILLIS = 5_000;

  private final Map<ConnectionKey, Connection> live = new ConcurrentHashMap<>();

  /** Each live connection's transport label, for metrics. */
  private final Map<Connection, String> transports = new ConcurrentHashMap<>();

  /** Closed connections whose close path may still be releasing native objects. */
  private final Set<Connection> closing = ConcurrentHashMap.newKeySet();

  private final RecentlyClosed recentlyClosed = new RecentlyClosed();

  private final RuntimeServices services;
  private final Cluster cluster;

  /**
   * The close path's classes, loaded while the application's archive can still be read: an undeploy
   * may delete the WAR before the connections close (found by the undeploy drill).
   */
  @SuppressWarnings("unused") // held only so that the constructor loads the classes
  private final List<Class<?>> closePathClasses;

  /** False once the server drains: every new connection is refused with {@code server_draining}. */
  private volatile boolean admitting = true;

  /** Creates an empty registry of a single server. */
  public ConnectionRegistry(RuntimeServices services) {
    this(services, Cluster.local());
  }

  /**
   * Creates an empty registry of one node of a cluster: a connection is admitted only when it also
   * joins the cluster (a slot of its stream across all nodes), leaves it when it closes, and
   * publishes its outputs there.
   */
  public ConnectionRegistry(RuntimeServices services, Cluster cluster) {
    this.services = services;
    this.cluster = cluster;
    List<Class<?>> close = new ArrayList<>(OutputBuffer.closePathClasses());
    close.add(HandlerShutdown.class);
    close.add(FaultWatch.class);
    this.closePathClasses = List.copyOf(close);
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
   * As {@link #admit(StreamDefinition, String, StreamUser, String, Function)}, transport unknown.
   */
  public Admission admit(
      StreamDefinition definition,
      String id,
      StreamUser owner,
      Function<StreamDefinition, HandlerLease> handlers) {
    return admit(definition, id, owner, "unknown", handlers);
  }

  /**
   * Admits a new connection that belongs to {@code owner}: only lookups for that user find it, and
   * the id need only be free among that user's connections.
   *
   * @param owner the authenticated user opening it, or null without single sign-on
   * @param transport the transport's label for metrics: {@code webrtc}, {@code websocket} or {@code
   *     telephone}
   * @param handlers obtains a fresh handler instance for the stream
   */
  public Admission admit(
      StreamDefinition definition,
      String id,
      StreamUser owner,
      String transport,
      Function<StreamDefinition, HandlerLease> handlers) {
    Admission admission = admitOrRefuse(definition, id, owner, transport, handlers);
    ConnectionEvents events = services.metrics().events();
    if (admission.isAdmitted()) {
      transports.put(admission.connection(), transport);
      events.opened(definition.name(), transport);
    } else {
      events.refused(definition.name(), transport, admission.refusal().wireName());
    }
    return admission;
  }

  private synchronized Admission admitOrRefuse(
      StreamDefinition definition,
      String id,
      StreamUser owner,
      String transport,
      Function<StreamDefinition, HandlerLease> handlers) {
    if (!admitting) {
      return Admission.refused(ErrorCode.SERVER_DRAINING, 0);
    }
    ConnectionKey key = ConnectionKey.of(id, owner);
    if (live.containsKey(key)) {
      return Admission.refused(ErrorCode.CONNECTION_ALREADY_EXISTS, 0);
    }
    long inUse = live.values().stream().filter(c -> c.definition().equals(definition)).count();
    if (inUse >= definition.concurrencyLimit()) {
      return Admission.refused(ErrorCode.CONCURRENCY_LIMIT_REACHED, definition.concurrencyLimit());
    }
    Cluster.Joined joined = cluster.join(definition.name(), id, definition.concurrencyLimit());
    if (joined.refusal() != null) {
      return ClusterJoin.refusal(joined.refusal(), definition);
    }
    Cluster.Member member = joined.member();
    Connection connection;
    try {
      connection =
          new Connection(
              id,
              definition,
              handlers.apply(definition),
              owner,
              services,
              services.metrics().meter(definition.name(), transport));
    } catch (RuntimeException | Error e) {
      member.leave();
      throw e;
    }
    connection.onClose(this::forget);
    ClusterJoin.attach(connection, cluster, member);
    live.put(key, connection);
    recentlyClosed.remove(key);
    return Admission.admitted(connection);
  }

  private void forget(Connection connection) {
    String transport = transports.remove(connection);
    EndReason reason = connection.endReason();
    services
        .metrics()
        .events()
        .closed(
            connection.definition().name(),
            transport == null ? "unknown" : transport,
            reason == null ? "closed" : reason.name().toLowerCase(Locale.ROOT),
            connection.timers().ageNanos(),
            connection.timers().connectNanos());
    closing.removeIf(c -> c.release().isDone());
    closing.add(connection);
    ConnectionKey key = ConnectionKey.of(connection);
    live.remove(key, connection);
    recentlyClosed.add(key);
  }

  /**
   * The live connection with this id, whoever owns it (the application's own view). When two users'
   * connections share the id, neither is returned: the id alone does not name one.
   */
  public Optional<Connection> find(String id) {
    List<Connection> matches = live.values().stream().filter(c -> c.id().equals(id)).toList();
    return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
  }

  /**
   * The live connection with this id if it belongs to {@code caller}: another user's connection is
   * not found, as if the id were unknown. Without single sign-on both sides have no user.
   *
   * @param caller the user the request is authenticated as, or null for none
   */
  public Optional<Connection> find(String id, StreamUser caller) {
    return Optional.ofNullable(live.get(ConnectionKey.of(id, caller)));
  }

  /** Whether a connection with this id closed recently (for {@code connection_closed}). */
  public boolean closedRecently(String id) {
    return recentlyClosed.containsId(id);
  }

  /** Whether {@code caller}'s connection with this id closed recently; never another user's. */
  public boolean closedRecently(String id, StreamUser caller) {
    return recentlyClosed.contains(ConnectionKey.of(id, caller));
  }

  /**
   * Refuses every new connection from now on ({@link ErrorCode#SERVER_DRAINING}), on every
   * transport; live connections are untouched. There is no way back: a drain ends with a stop.
   */
  public synchronized void stopAdmitting() {
    admitting = false;
  }

  /** Whether new connections are still admitted. */
  public boolean isAdmitting() {
    return admitting;
  }

  /** Live connections of one stream over one transport ({@code webrtc}, {@code websocket}, ...). */
  public int count(String stream, String transport) {
    return (int)
        transports.entrySet().stream()
            .filter(e -> e.getValue().equals(transport))
            .filter(e -> e.getKey().definition().name().equals(stream))
            .count();
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
