package io.fastrtc.jakarta.runtime.cluster.redis;

import io.fastrtc.jakarta.runtime.cluster.Cluster;
import io.fastrtc.jakarta.runtime.config.ClusterSettings;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.XAddArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The cluster over Redis. A connection joins with one Lua call that takes a slot of its stream (a
 * lease in a sorted set, so a crashed node's slots expire) and registers this node as its owner;
 * every third of the lease this node renews the leases of its live connections (adding them again
 * if Redis lost them); outputs go to a capped stream per connection. While Redis cannot be reached,
 * new connections are refused ({@link Cluster.Refusal#UNAVAILABLE}) and live ones go on: their
 * media never touches Redis.
 */
// Lettuce commands are sent in order and their futures ignored where a failure changes nothing:
// a lease that is not released or renewed expires on its own.
@SuppressWarnings("FutureReturnValueIgnored")
public final class RedisCluster implements Cluster {
  private static final Logger LOG = Logger.getLogger(RedisCluster.class.getName());
  static final String PREFIX = "fastrtc:";

  private final ClusterSettings settings;
  private final String ownerValue;
  private final RedisClient client;
  private final Executor executor;
  private final Map<String, RedisMember> members = new ConcurrentHashMap<>();
  private final AtomicBoolean reachable = new AtomicBoolean(true);
  private final LeaseRenewal renewal;
  private volatile StatefulRedisConnection<String, String> connection;

  private RedisCluster(
      ClusterSettings settings, Executor executor, ScheduledExecutorService scheduler) {
    this.settings = settings;
    this.executor = executor;
    this.ownerValue = settings.nodeId() + " " + settings.nodeAddress().orElseThrow();
    RedisURI uri = RedisURI.create(settings.redisUri().orElseThrow());
    uri.setTimeout(settings.timeout());
    client = RedisClient.create(uri);
    client.setOptions(
        ClientOptions.builder()
            .autoReconnect(true)
            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
            .timeoutOptions(TimeoutOptions.enabled(settings.timeout()))
            .socketOptions(SocketOptions.builder().connectTimeout(settings.timeout()).build())
            .build());
    long every = Math.max(100, settings.lease().toMillis() / 3);
    renewal = new LeaseRenewal(scheduler, every, this::renewAll);
  }

  /**
   * Connects to the Redis of {@code settings} (or keeps trying, if it cannot be reached now).
   *
   * @param executor runs deliveries to subscribers of remote outputs
   * @param scheduler runs the lease renewal
   */
  public static RedisCluster start(
      ClusterSettings settings, Executor executor, ScheduledExecutorService scheduler) {
    RedisCluster cluster = new RedisCluster(settings, executor, scheduler);
    try {
      cluster.commands().ping().get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
      LOG.info(
          () ->
              "Cluster node "
                  + settings.nodeId()
                  + " at "
                  + settings.nodeAddress().orElseThrow()
                  + " coordinated by Redis "
                  + settings.redisUri().orElseThrow()
                  + " (lease "
                  + settings.lease().toMillis()
                  + " ms)");
    } catch (Exception e) {
      cluster.unreachable(e);
    }
    return cluster;
  }

  @Override
  public String nodeId() {
    return settings.nodeId();
  }

  @Override
  public boolean shared() {
    return true;
  }

  @Override
  public Joined join(String stream, String connectionId, int limit) {
    RedisMember member = new RedisMember(this, stream, connectionId);
    try {
      Long taken =
          commands()
              .<Long>eval(
                  LeaseScripts.ACQUIRE,
                  ScriptOutputType.INTEGER,
                  new String[] {
                    member.slotsKey(), ownerKey(connectionId), outputsKey(connectionId)
                  },
                  Long.toString(settings.lease().toMillis()),
                  Integer.toString(limit),
                  member.slotMember(),
                  ownerValue)
              .get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
      reachable(true);
      if (taken == null || taken == 0) {
        return Joined.refused(Refusal.FULL);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Joined.refused(Refusal.UNAVAILABLE);
    } catch (Exception e) {
      unreachable(e);
      return Joined.refused(Refusal.UNAVAILABLE);
    }
    members.put(member.slotMember(), member);
    renewal.ensureStarted();
    return Joined.member(member);
  }

  @Override
  public Optional<String> ownerAddress(String connectionId) {
    try {
      String owner =
          commands()
              .get(ownerKey(connectionId))
              .get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
      if (owner == null || owner.equals(ownerValue)) {
        return Optional.empty();
      }
      int space = owner.indexOf(' ');
      return space < 0 ? Optional.empty() : Optional.of(owner.substring(space + 1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } catch (Exception e) {
      unreachable(e);
      return Optional.empty();
    }
  }

  @Override
  public boolean subscribeOutputs(String connectionId, long after, OutputListener listener) {
    try {
      Long known =
          commands()
              .exists(ownerKey(connectionId), outputsKey(connectionId))
              .get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
      if (known == null || known == 0) {
        return false;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (Exception e) {
      unreachable(e);
      return false;
    }
    RemoteOutputs.start(
        client,
        executor,
        settings.timeout(),
        ownerKey(connectionId),
        outputsKey(connectionId),
        after,
        listener);
    return true;
  }

  @Override
  public void close() {
    renewal.cancel();
    StatefulRedisConnection<String, String> c = connection;
    if (c != null) {
      c.closeAsync();
    }
    client.shutdown(0, 2, TimeUnit.SECONDS);
  }

  void publish(RedisMember member, long sequence, String data) {
    XAddArgs args =
        new XAddArgs().id(sequence + "-0").maxlen(settings.outputsKept()).approximateTrimming();
    try {
      commands()
          .xadd(outputsKey(member.connectionId()), args, Map.of("d", data))
          .exceptionally(
              e -> {
                member.publishFailed(e);
                return null;
              });
    } catch (RuntimeException e) {
      member.publishFailed(e);
    }
  }

  void leave(RedisMember member) {
    members.remove(member.slotMember(), member);
    String out = outputsKey(member.connectionId());
    try {
      RedisAsyncCommands<String, String> redis = commands();
      redis.eval(
          LeaseScripts.RELEASE,
          ScriptOutputType.INTEGER,
          new String[] {member.slotsKey(), ownerKey(member.connectionId())},
          member.slotMember(),
          ownerValue);
      redis.xadd(out, Map.of("end", "1"));
      redis.pexpire(out, Math.max(60_000, settings.lease().toMillis()));
    } catch (RuntimeException e) {
      // Redis is away: the slot's lease expires on its own.
      unreachable(e);
    }
  }

  private void renewAll() {
    if (members.isEmpty()) {
      return;
    }
    try {
      RedisAsyncCommands<String, String> redis = commands();
      String lease = Long.toString(settings.lease().toMillis());
      for (RedisMember m : members.values()) {
        redis
            .eval(
                LeaseScripts.RENEW,
                ScriptOutputType.INTEGER,
                new String[] {m.slotsKey(), ownerKey(m.connectionId())},
                lease,
                m.slotMember(),
                ownerValue)
            .whenComplete((ok, e) -> reachable(e == null));
      }
    } catch (RuntimeException e) {
      unreachable(e);
    }
  }

  private RedisAsyncCommands<String, String> commands() {
    StatefulRedisConnection<String, String> c = connection;
    if (c == null) {
      synchronized (this) {
        c = connection;
        if (c == null) {
          c = client.connect();
          connection = c;
        }
      }
    }
    return c.async();
  }

  private void unreachable(Throwable e) {
    if (reachable.compareAndSet(true, false)) {
      LOG.log(
          Level.SEVERE,
          "Redis "
              + settings.redisUri().orElseThrow()
              + " cannot be reached: new connections are refused (cluster_unavailable), live ones"
              + " go on; "
              + e);
    }
  }

  private void reachable(boolean ok) {
    if (ok && reachable.compareAndSet(false, true)) {
      LOG.info(() -> "Redis " + settings.redisUri().orElseThrow() + " is reachable again");
    } else if (!ok) {
      unreachable(new IllegalStateException("a lease renewal failed"));
    }
  }

  String nodeIdForMembers() {
    return settings.nodeId();
  }

  static String ownerKey(String connectionId) {
    return PREFIX + "owner:" + connectionId;
  }

  static String outputsKey(String connectionId) {
    return PREFIX + "out:" + connectionId;
  }
}
