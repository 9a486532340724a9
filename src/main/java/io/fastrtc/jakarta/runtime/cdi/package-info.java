/**
 * CDI wiring of the engine: discovery of stream beans at deployment, the catalog with server-side
 * overrides, and the application-scoped runtime that owns executors, the clock and libwebrtc. Not
 * API.
 */
package io.fastrtc.jakarta.runtime.cdi;
