package io.fastrtc.jakarta.runtime.cluster;

import java.util.Optional;

/**
 * What this node shares with the other nodes of a cluster: a connection joins when it is admitted
 * (taking one of its stream's slots across the cluster and registering this node as its owner) and
 * leaves when it closes. Other nodes ask who owns an id and read its outputs. A single server uses
 * {@link #local()}: no shared state, every question answered "here or unknown".
 */
public interface Cluster extends AutoCloseable {

  /** Why a connection could not join. */
  enum Refusal {
    /** The stream's concurrency limit is reached across the cluster. */
    FULL,
    /** The shared store cannot be reached: new connections are refused until it returns. */
    UNAVAILABLE
  }

  /** A connection's membership, held by the owner node while the connection lives. */
  interface Member {
    /**
     * Publishes one additional output for subscribers on other nodes.
     *
     * @param sequence the output's sequence number (1, 2, ...)
     * @param data the SSE data, the JSON array of values
     */
    void output(long sequence, String data);

    /** The connection closed: frees its slot, removes its owner entry, ends its outputs. */
    void leave();
  }

  /** The outcome of {@link #join}: a member, or the refusal. */
  record Joined(Member member, Refusal refusal) {
    /** A member. */
    public static Joined member(Member member) {
      return new Joined(member, null);
    }

    /** A refusal. */
    public static Joined refused(Refusal refusal) {
      return new Joined(null, refusal);
    }
  }

  /** Receives a remote connection's outputs, in order. */
  interface OutputListener {
    /** The next output; throwing ends the subscription. */
    void onOutput(long sequence, String data) throws Exception;

    /** The connection closed (or its outputs are gone): the subscription ends. */
    void onEnd();
  }

  /** This node's id. */
  String nodeId();

  /** Whether other nodes share this state (false: a single server). */
  boolean shared();

  /**
   * Takes a slot of {@code stream} for a new connection and registers this node as its owner.
   *
   * @param limit the stream's concurrency limit across the cluster
   */
  Joined join(String stream, String connectionId, int limit);

  /**
   * The base URL of the node that owns a connection, when another node owns it.
   *
   * @return empty when the id is unknown to the cluster or owned by this node
   */
  Optional<String> ownerAddress(String connectionId);

  /**
   * Subscribes to the outputs a connection owned by another node publishes, after {@code after}.
   *
   * @return false when the cluster knows no such connection (no owner, no outputs kept)
   */
  boolean subscribeOutputs(String connectionId, long after, OutputListener listener);

  /** Stops renewing and disconnects; the leases of live connections then expire. */
  @Override
  void close();

  /** A single server: everything in memory (the default). */
  static Cluster local() {
    return LocalCluster.INSTANCE;
  }
}
