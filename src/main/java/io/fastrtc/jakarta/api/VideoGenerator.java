package io.fastrtc.jakarta.api;

/**
 * A generated video stream for modality {@link Modality#VIDEO} in mode {@link Mode#RECEIVE}:
 * FastRTC's generator yielding frames. {@link #next()} is called once per output frame at the
 * stream's {@link RealtimeStream#fps()}, never twice at once; when a call is still running at the
 * next tick, that tick is skipped rather than queued.
 */
@FunctionalInterface
public interface VideoGenerator extends HandlerLifecycle {

  /**
   * The next frame.
   *
   * @return a frame (any {@link PixelFormat}), {@link Emission#none()} to send nothing this tick,
   *     {@link Emission#outputs(Object...)}, or {@link Emission#close(String)} to end the stream
   *     (FastRTC's {@code StopIteration} and {@code CloseStream})
   */
  VideoResult next() throws Exception;
}
