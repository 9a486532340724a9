/**
 * The cluster seam: what one node needs from the others. {@link
 * io.fastrtc.jakarta.runtime.cluster.Cluster#local()} is a single server (every connection here,
 * the limit counted in memory); {@code cluster.redis} coordinates several nodes through Redis
 * (owner registry, one concurrency limit as expiring leases, outputs in a stream per connection).
 * {@link io.fastrtc.jakarta.runtime.cluster.InputForwarder} forwards a request to the owner node
 * over HTTP. Only {@code cluster.redis} imports the Redis client (Lettuce).
 */
package io.fastrtc.jakarta.runtime.cluster;
