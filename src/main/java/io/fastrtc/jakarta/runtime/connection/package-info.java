/**
 * The engine's connections, not API: one {@link io.fastrtc.jakarta.runtime.connection.Connection}
 * per client over parts of one job each (the handler lane, the audio output, the video lane,
 * inputs, outputs, timers), the registry that admits them, and the one audio clock that paces them.
 * Transports push media in through a connection and receive it through {@link
 * io.fastrtc.jakarta.runtime.connection.Transport}.
 */
package io.fastrtc.jakarta.runtime.connection;
