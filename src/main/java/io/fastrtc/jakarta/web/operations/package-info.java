/**
 * Thin adapters for operators and orchestrators: MicroProfile Health checks (readiness, liveness),
 * MicroProfile Metrics, the drain route and the filter that refuses new sockets while draining.
 */
package io.fastrtc.jakarta.web.operations;
