package io.fastrtc.jakarta.runtime.config;

/**
 * The keys of the cluster ({@code fastrtc.cluster.*}). Declared here in full; {@link ConfigKey}
 * stays the one registry, with a constant of the same name for each and all of them in {@link
 * ConfigKey#all()}. Only {@code ConfigKey} refers to this class (ConfigKeyHoldersTest), so this
 * class is always initialised from within {@code ConfigKey}'s own initialisation, never before it.
 */
final class ClusterKeys {
  private ClusterKeys() {}

  /** The Redis that coordinates a cluster; none: a single server, everything in memory. */
  static final ConfigKey CLUSTER_REDIS_URI =
      new ConfigKey(
          "fastrtc.cluster.redis-uri",
          "URI",
          "none (a single server, in memory)",
          "the Redis that coordinates a cluster of nodes, e.g. `redis://10.0.0.9:6379`: owner"
              + " registry, one concurrency limit across nodes, outputs readable on any node (see"
              + " `docs/scaling.md`)");

  /** This node's name in the cluster. */
  static final ConfigKey CLUSTER_NODE_ID =
      new ConfigKey(
          "fastrtc.cluster.node-id",
          "string",
          "the host name",
          "this node's name in the cluster; unique per node");

  /** This node's internal base URL, where other nodes forward requests. */
  static final ConfigKey CLUSTER_NODE_ADDRESS =
      new ConfigKey(
          "fastrtc.cluster.node-address",
          "URL",
          "none (required with Redis)",
          "this node's base URL as other nodes reach it, e.g. `http://10.0.0.5:9080`; they forward"
              + " `/input_hook` for its connections there");

  /** The timeout of one Redis command and of one forwarded request. */
  static final ConfigKey CLUSTER_TIMEOUT =
      new ConfigKey(
          "fastrtc.cluster.timeout-ms",
          "milliseconds",
          "`2000`",
          "timeout of one Redis command, of connecting to Redis, and of a forwarded request");

  /** How long a connection's owner entry and slot live without renewal. */
  static final ConfigKey CLUSTER_LEASE =
      new ConfigKey(
          "fastrtc.cluster.lease-ms",
          "milliseconds",
          "`15000`",
          "how long a connection's owner entry and concurrency slot live in Redis unless its node"
              + " renews them (every third of it): a dead node's slots return after at most this");

  /** Outputs kept per connection in its Redis stream. */
  static final ConfigKey CLUSTER_OUTPUTS_KEPT =
      new ConfigKey(
          "fastrtc.cluster.outputs-kept",
          "integer",
          "`1000`",
          "additional outputs kept per connection in its Redis stream, for `/outputs` on other"
              + " nodes and `Last-Event-ID` resume");
}
