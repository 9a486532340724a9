/**
 * Stream definitions, not API: what a {@code @RealtimeStream} declares once validated ({@link
 * io.fastrtc.jakarta.runtime.stream.StreamDefinition}), its input schema and declared outputs, the
 * configuration switches and overrides, and the catalog of deployed streams.
 */
package io.fastrtc.jakarta.runtime.stream;
