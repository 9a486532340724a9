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

  /**
   * The audio this handler produced has finished playing out: after a burst of audio, the
   * connection's outgoing buffer ran dry and stayed empty for {@value #PLAYBACK_END_MILLIS} ms
   * (WebRTC and WebSocket, whose output the server paces in real time), or Twilio echoed the {@code
   * mark} sent after the burst (a phone call, so the caller has really heard it). A flush
   * (barge-in) ends playback too. The client gets {@code {"type":"log","data":"playback_ended"}} at
   * the same moment (FastRTC has no such signal, its issue #381). Called on the handler's lane like
   * every other method; the default does nothing.
   */
  default void playbackEnded() throws Exception {}

  /**
   * How long the outgoing buffer must stay empty after audio before playback counts as ended, on
   * transports that do not confirm playback themselves.
   */
  int PLAYBACK_END_MILLIS = 50;
}
