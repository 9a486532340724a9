package io.fastrtc.jakarta.api;

/**
 * An audio stream's logic. Annotate the implementation with {@link RealtimeStream} and a CDI scope
 * ({@code @Dependent}): each connection gets a fresh instance, destroyed when it closes.
 *
 * <p>The runtime never calls two methods of one instance at once, and never on a media thread.
 * {@link #emit()} is called after every {@link #receive(AudioFrame)} until it returns {@link
 * Emission#none()}, and again on every 20 ms tick while the connection's outgoing buffer holds less
 * than 100 ms, so a generator in receive mode simply returns its next chunk ({@link
 * AudioGenerator}). {@code emit()} must not block for long: return {@code Emission.none()} when
 * nothing is ready. {@link #startUp(StreamContext)} and {@link #shutdown()} come from {@link
 * HandlerLifecycle}.
 */
public interface StreamHandler extends HandlerLifecycle {

  /**
   * Receives audio from the client, resampled to the stream's input rate (mono by default). Frames
   * last 20 ms.
   */
  void receive(AudioFrame frame) throws Exception;

  /**
   * Returns the next emission: {@link Emission#audio(AudioFrame)}, {@link
   * Emission#outputs(Object...)}, {@link Emission#close(String)}, or {@link Emission#none()} when
   * nothing is ready. Never video: see {@link AudioEmission}.
   */
  AudioEmission emit() throws Exception;
}
