package io.fastrtc.jakarta.api;

/**
 * The lifecycle every handler kind shares ({@link StreamHandler}, {@link VideoHandler}, {@link
 * VideoGenerator}, {@link AudioVideoStreamHandler}): one call when the connection is ready and one
 * when it ends. Both have no-op defaults.
 */
public interface HandlerLifecycle {

  /**
   * Called once when the connection is ready (the data channel is open), before any other call.
   *
   * @param context the connection; keep it to send messages later
   */
  default void startUp(StreamContext context) throws Exception {}

  /**
   * Called exactly once when the connection ends, whatever ended it (also on WebSocket and phone
   * sessions, unlike FastRTC). {@code @PreDestroy} methods run right after.
   */
  default void shutdown() throws Exception {}
}
