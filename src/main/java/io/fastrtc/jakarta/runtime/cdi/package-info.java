/**
 * CDI wiring of the engine: the discovery extension for stream beans, the producer of the stream
 * catalog, and the application-scoped runtime that owns executors, the clock and libwebrtc. Not
 * API.
 */
package io.fastrtc.jakarta.runtime.cdi;
