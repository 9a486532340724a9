package io.fastrtc.jakarta.handlers.turn;

/**
 * A voice-activity model: the probability that a fixed window of mono audio holds speech.
 *
 * <p>A model is loaded once per server and shared by every connection, so implementations are
 * thread-safe; the per-connection (recurrent) state lives in the {@link VoiceActivity} that {@link
 * #open()} returns.
 */
public interface VoiceActivityModel {

  /**
   * The sample rate the model expects.
   *
   * @return samples per second, for example 16000 for Silero VAD
   */
  int sampleRate();

  /**
   * The number of samples in one window.
   *
   * @return samples per window, for example 512 (32 ms at 16 kHz) for Silero VAD v5
   */
  int windowSamples();

  /**
   * Opens the state for one audio stream (one connection).
   *
   * @return a new, independent state; the caller closes it when the stream ends
   */
  VoiceActivity open();
}
