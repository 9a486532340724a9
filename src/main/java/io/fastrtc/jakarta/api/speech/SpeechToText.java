package io.fastrtc.jakarta.api.speech;

import io.fastrtc.jakarta.api.AudioFrame;
import java.util.List;

/**
 * Speech-to-text: FastRTC's {@code STTModel}. One instance serves the whole server (it holds the
 * loaded model), so implementations are thread-safe.
 */
public interface SpeechToText {

  /**
   * Transcribes one whole utterance.
   *
   * @param utterance mono audio at any rate; the implementation resamples to its model's rate
   * @return the transcript, lower case words separated by single spaces; empty when nothing was
   *     heard
   */
  String transcribe(AudioFrame utterance);

  /**
   * Opens a streaming recognition for one audio stream (one connection).
   *
   * @param sampleRate the rate of the frames that will be fed to it
   * @return a new, independent recognition; the caller closes it when the stream ends
   */
  SpeechRecognition open(int sampleRate);

  /**
   * Opens a streaming recognition that listens only for a few words or phrases: cheap keyword
   * spotting, for example a stop word ("computer") before a question. An engine that supports a
   * restricted vocabulary (Vosk: a grammar) reports everything else as {@code [unk]}; the default
   * ignores the vocabulary and returns {@link #open(int)}, so callers match the phrases in the
   * transcript themselves either way.
   *
   * @param sampleRate the rate of the frames that will be fed to it
   * @param phrases the words or phrases to listen for, lower case
   * @return a new, independent recognition; the caller closes it when the stream ends
   */
  default SpeechRecognition openVocabulary(int sampleRate, List<String> phrases) {
    return open(sampleRate);
  }
}
