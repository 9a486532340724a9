package io.fastrtc.jakarta.api;

/**
 * The default of {@link RealtimeStream#inputs()}: the stream declares no typed inputs. Clients may
 * still post any JSON object to {@code /input_hook}; the handler reads it untyped with {@link
 * StreamContext#latestInputs()}, as FastRTC's handlers do.
 */
public record NoInputs() {}
