package io.fastrtc.jakarta.api;

/**
 * An audio stream's logic. Annotate the implementation with {@link RealtimeStream} and a CDI scope
 * ({@code @Dependent}): each connection gets a fresh instance, destroyed when it closes.
 *
 * <p>The runtime never calls two methods of one instance at once, and never on a media thread.
 * {@link #emit()} is called after every {@link #receive(AudioFrame)} until it returns {@link
 * Emission#none()}, and again on every 20 ms tick while the connection's outgoing buffer holds less
 * than 100 ms, so a generator in receive mode simply returns its next chunk. {@code emit()} must
 * not block for long: return {@code Emission.none()} when nothing is ready.
 */
public interface StreamHandler {

  /**
   * Called once when the connection is ready (the data channel is open), before any other call.
   *
   * @param context the connection; keep it to send messages later
   */
  default void startUp(StreamContext context) throws Exception {}

  /**
   * Receives audio from the client, resampled to the stream's input rate (mono by default). Frames
   * last 20 ms.
   */
  void receive(AudioFrame frame) throws Exception;

  /** Returns the next emission, or {@link Emission#none()} when nothing is ready. */
  Emission emit() throws Exception;

  /**
   * Called exactly once when the connection ends, whatever ended it (also on WebSocket and phone
   * sessions, unlike FastRTC). {@code @PreDestroy} methods run right after.
   */
  default void shutdown() throws Exception {}
}
