package io.fastrtc.jakarta.api;

/**
 * Receives one connection's additional outputs, in order, on a pool thread (never two calls at
 * once). FastRTC's {@code output_stream(webrtc_id)} as a callback; see {@link
 * StreamConnections#subscribe(String, long, OutputSubscriber)}.
 */
@FunctionalInterface
public interface OutputSubscriber {

  /** The next output. Throwing ends the subscription (then {@link #onEnd()} runs). */
  void onOutput(OutputEvent event) throws Exception;

  /**
   * Outputs this subscriber had not received were dropped because the connection's buffer was full;
   * delivery continues with the oldest output still kept.
   *
   * @param count how many outputs were skipped
   */
  default void onMissed(long count) throws Exception {}

  /** The subscription ended: the connection closed, it was cancelled, or a call threw. */
  default void onEnd() {}
}
