package io.fastrtc.jakarta.api.speech;

import io.fastrtc.jakarta.api.AudioFrame;

/**
 * One streaming recognition: audio goes in as it arrives, partial and final transcripts come out.
 * Used from one thread at a time (a connection's lane); closing it frees native resources.
 */
public interface SpeechRecognition extends AutoCloseable {

  /**
   * Feeds the next audio.
   *
   * @param frame mono audio at the rate given to {@link SpeechToText#open(int)}
   * @return the transcript so far: partial while the speaker goes on, final at the end of a phrase
   */
  Transcript accept(AudioFrame frame);

  /**
   * Ends the current phrase and returns its final transcript; the recognition can be fed again.
   *
   * @return the final transcript of everything fed since the last final result
   */
  Transcript finish();

  /** Frees the recognition's resources; further calls fail. */
  @Override
  void close();
}
