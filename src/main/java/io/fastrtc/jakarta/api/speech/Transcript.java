package io.fastrtc.jakarta.api.speech;

import java.util.Objects;

/**
 * A transcript from a {@link SpeechRecognition}.
 *
 * @param text lower case words separated by single spaces; empty when nothing was heard yet
 * @param isFinal true when the recognizer has closed the phrase, false for a partial result
 */
public record Transcript(String text, boolean isFinal) {

  /** Checks the text is present. */
  public Transcript {
    Objects.requireNonNull(text, "text");
  }
}
