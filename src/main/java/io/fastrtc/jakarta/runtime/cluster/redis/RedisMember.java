package io.fastrtc.jakarta.runtime.cluster.redis;

import io.fastrtc.jakarta.runtime.cluster.Cluster;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/** One live connection of this node, as Redis knows it: its slot, owner entry and outputs. */
final class RedisMember implements Cluster.Member {
  private static final Logger LOG = Logger.getLogger(RedisMember.class.getName());

  private final RedisCluster cluster;
  private final String stream;
  private final String connectionId;
  private final AtomicBoolean left = new AtomicBoolean();
  private final AtomicBoolean publishWarned = new AtomicBoolean();

  RedisMember(RedisCluster cluster, String stream, String connectionId) {
    this.cluster = cluster;
    this.stream = stream;
    this.connectionId = connectionId;
  }

  String connectionId() {
    return connectionId;
  }

  /** The sorted set of the stream's leases. */
  String slotsKey() {
    return RedisCluster.PREFIX + "slots:" + stream;
  }

  /** This connection's member in {@link #slotsKey()}. */
  String slotMember() {
    return cluster.nodeIdForMembers() + "/" + connectionId;
  }

  @Override
  public void output(long sequence, String data) {
    if (!left.get()) {
      cluster.publish(this, sequence, data);
    }
  }

  @Override
  public void leave() {
    if (left.compareAndSet(false, true)) {
      cluster.leave(this);
    }
  }

  void publishFailed(Throwable e) {
    if (publishWarned.compareAndSet(false, true)) {
      LOG.warning(
          () ->
              "Outputs of connection "
                  + connectionId
                  + " could not be published to Redis (subscribers on other nodes miss them): "
                  + e);
    }
  }
}
