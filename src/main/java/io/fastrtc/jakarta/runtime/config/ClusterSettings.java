package io.fastrtc.jakarta.runtime.config;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code fastrtc.cluster.*}: whether this server is one node of a cluster coordinated by Redis, and
 * how. Without {@code fastrtc.cluster.redis-uri} the server runs alone, everything in memory.
 *
 * @param redisUri the Redis URI, or empty for a single server
 * @param nodeId this node's name, unique in the cluster
 * @param nodeAddress this node's base URL as other nodes reach it (no trailing slash), or empty
 * @param timeout one Redis command's and one forwarded request's timeout
 * @param lease how long owner entries and slots live without renewal
 * @param outputsKept outputs kept per connection in its Redis stream
 */
public record ClusterSettings(
    Optional<String> redisUri,
    String nodeId,
    Optional<String> nodeAddress,
    Duration timeout,
    Duration lease,
    int outputsKept) {

  /** Whether Redis coordinates this server with others. */
  public boolean enabled() {
    return redisUri.isPresent();
  }

  static ClusterSettings from(
      Function<String, Optional<String>> text, Function<String, Optional<Integer>> integer) {
    Optional<String> redis =
        text.apply(ConfigKey.CLUSTER_REDIS_URI.name()).map(String::trim).filter(v -> !v.isEmpty());
    redis.ifPresent(uri -> checkUri(ConfigKey.CLUSTER_REDIS_URI.name(), uri, "redis", "rediss"));
    Optional<String> address =
        text.apply(ConfigKey.CLUSTER_NODE_ADDRESS.name())
            .map(String::trim)
            .filter(v -> !v.isEmpty())
            .map(v -> v.endsWith("/") ? v.substring(0, v.length() - 1) : v);
    address.ifPresent(a -> checkUri(ConfigKey.CLUSTER_NODE_ADDRESS.name(), a, "http", "https"));
    if (redis.isPresent() && address.isEmpty()) {
      throw new IllegalArgumentException(
          ConfigKey.CLUSTER_NODE_ADDRESS.name()
              + " must be set with "
              + ConfigKey.CLUSTER_REDIS_URI.name()
              + ": other nodes forward requests for this node's connections there");
    }
    String node =
        text.apply(ConfigKey.CLUSTER_NODE_ID.name())
            .map(String::trim)
            .filter(v -> !v.isEmpty())
            .orElseGet(ClusterSettings::hostName);
    return new ClusterSettings(
        redis,
        node,
        address,
        Duration.ofMillis(positive(integer, ConfigKey.CLUSTER_TIMEOUT, 2000)),
        Duration.ofMillis(positive(integer, ConfigKey.CLUSTER_LEASE, 15_000)),
        positive(integer, ConfigKey.CLUSTER_OUTPUTS_KEPT, 1000));
  }

  private static int positive(
      Function<String, Optional<Integer>> integer, ConfigKey key, int fallback) {
    int value = integer.apply(key.name()).orElse(fallback);
    if (value <= 0) {
      throw new IllegalArgumentException(key.name() + " must be positive: " + value);
    }
    return value;
  }

  private static void checkUri(String key, String value, String... schemes) {
    try {
      URI uri = new URI(value);
      for (String scheme : schemes) {
        if (scheme.equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null) {
          return;
        }
      }
    } catch (java.net.URISyntaxException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        key + " must be a " + String.join(" or ", schemes) + " URL with a host: " + value);
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "node";
    }
  }
}
