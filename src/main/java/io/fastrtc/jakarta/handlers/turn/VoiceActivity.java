package io.fastrtc.jakarta.handlers.turn;

/**
 * One audio stream's view of a {@link VoiceActivityModel}: it keeps whatever state the model
 * carries from window to window. Not thread-safe: one connection's handler uses it from one thread
 * at a time.
 */
public interface VoiceActivity extends AutoCloseable {

  /**
   * Scores the next window of the stream.
   *
   * @param window exactly {@link VoiceActivityModel#windowSamples()} mono samples at {@link
   *     VoiceActivityModel#sampleRate()}, scaled to [-1, 1]
   * @return the probability, from 0 to 1, that the window holds speech
   * @throws IllegalArgumentException if the window has the wrong length
   */
  float speechProbability(float[] window);

  /** Forgets the stream's history, as if the next window were the first. */
  void reset();

  /** Releases the state; the object must not be used afterwards. */
  @Override
  void close();
}
