package io.fastrtc.jakarta.api;

/**
 * A generated audio stream for mode {@link Mode#RECEIVE}: FastRTC's generator yielding audio
 * chunks, as a one-method {@link StreamHandler}. The runtime calls {@link #next()} whenever less
 * than 100 ms of audio is buffered, and the shared clock plays what it returns in real time.
 */
@FunctionalInterface
public interface AudioGenerator extends StreamHandler {

  /**
   * The next chunk.
   *
   * @return {@link Emission#audio(AudioFrame)} (any length and rate), outputs, {@link
   *     Emission#close(String)} to end the stream, or {@link Emission#none()}
   */
  AudioEmission next() throws Exception;

  /** Receive mode: the client sends no audio. */
  @Override
  default void receive(AudioFrame frame) {}

  /** Delegates to {@link #next()}. */
  @Override
  default AudioEmission emit() throws Exception {
    return next();
  }
}
