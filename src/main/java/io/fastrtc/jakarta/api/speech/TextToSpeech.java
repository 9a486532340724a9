package io.fastrtc.jakarta.api.speech;

import io.fastrtc.jakarta.api.AudioFrame;
import java.util.Iterator;

/**
 * Text-to-speech: FastRTC's {@code TTSModel}. One instance serves the whole server, so
 * implementations are thread-safe.
 */
public interface TextToSpeech {

  /**
   * The rate of the audio this voice produces.
   *
   * @return samples per second, for example 16000
   */
  int sampleRate();

  /**
   * Speaks a whole text.
   *
   * @param text the text to speak
   * @return mono audio at {@link #sampleRate()}
   */
  AudioFrame synthesize(String text);

  /**
   * Speaks a text as a stream of chunks (FastRTC's {@code stream_tts_sync}), so the first audio can
   * be played before the whole text is spoken. The runtime resamples them to the stream's rate.
   *
   * @param text the text to speak
   * @return mono chunks at {@link #sampleRate()}, in order; lazily produced where the engine allows
   */
  Iterator<AudioFrame> stream(String text);
}
