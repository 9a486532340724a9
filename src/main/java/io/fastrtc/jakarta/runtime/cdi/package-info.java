/**
 * CDI wiring of the engine: discovery of stream beans at deployment, the catalog with server-side
 * overrides, and the producer and disposer of the application's {@link
 * io.fastrtc.jakarta.runtime.FastRtcEngine} and its {@link
 * io.fastrtc.jakarta.runtime.config.Settings}. Not API.
 */
package io.fastrtc.jakarta.runtime.cdi;
