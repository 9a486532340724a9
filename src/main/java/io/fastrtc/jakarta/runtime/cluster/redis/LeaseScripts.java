package io.fastrtc.jakarta.runtime.cluster.redis;

/**
 * The Lua scripts that keep the cluster's leases atomic, in Redis' own clock (so the nodes' clocks
 * need not agree).
 */
final class LeaseScripts {
  private LeaseScripts() {}

  /**
   * Takes a slot and registers the owner. KEYS: slots, owner, outputs; ARGV: lease ms, limit,
   * member, owner value. Returns 1 taken (or already held: renewed), 0 full. Expired leases (of a
   * dead node) are dropped first; a new connection starts with no outputs kept.
   */
  static final String ACQUIRE =
      """
      local t = redis.call('TIME')
      local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
      redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
      if not redis.call('ZSCORE', KEYS[1], ARGV[3]) then
        if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then return 0 end
      end
      redis.call('ZADD', KEYS[1], now + tonumber(ARGV[1]), ARGV[3])
      redis.call('SET', KEYS[2], ARGV[4], 'PX', ARGV[1])
      redis.call('DEL', KEYS[3])
      return 1
      """;

  /**
   * Renews a live connection's slot and owner entry, adding them again if Redis lost them (a
   * restart without persistence). KEYS: slots, owner; ARGV: lease ms, member, owner value.
   */
  static final String RENEW =
      """
      local t = redis.call('TIME')
      local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
      redis.call('ZADD', KEYS[1], now + tonumber(ARGV[1]), ARGV[2])
      redis.call('SET', KEYS[2], ARGV[3], 'PX', ARGV[1])
      return 1
      """;

  /**
   * Frees a slot and removes the owner entry if it is still this node's. KEYS: slots, owner; ARGV:
   * member, owner value.
   */
  static final String RELEASE =
      """
      redis.call('ZREM', KEYS[1], ARGV[1])
      if redis.call('GET', KEYS[2]) == ARGV[2] then redis.call('DEL', KEYS[2]) end
      return 1
      """;
}
