/**
 * The engine, not API: stream catalog, connection registry, handler invocation, the shared audio
 * clock and the transports. Applications use {@code io.fastrtc.jakarta.api} instead.
 */
package io.fastrtc.jakarta.runtime;
