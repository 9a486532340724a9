/**
 * CDI wiring of the engine: the discovery extension for stream beans, the producer of the stream
 * catalog, and the producer and disposer of the application's {@link
 * io.fastrtc.jakarta.runtime.FastRtcEngine} and its {@link
 * io.fastrtc.jakarta.runtime.config.Settings}. Not API.
 */
package io.fastrtc.jakarta.runtime.cdi;
