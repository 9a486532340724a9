/**
 * The cluster over Redis, with Lettuce (the only package that imports it): {@link
 * io.fastrtc.jakarta.runtime.cluster.redis.RedisCluster}. Keys: {@code fastrtc:slots:<stream>} (a
 * sorted set of leases, member {@code <node>/<id>}, score the expiry in Redis' own clock), {@code
 * fastrtc:owner:<id>} ({@code <node> <address>}, with the lease as its TTL) and {@code
 * fastrtc:out:<id>} (a capped stream of outputs, entry id {@code <sequence>-0}).
 */
package io.fastrtc.jakarta.runtime.cluster.redis;
