package io.fastrtc.jakarta.handlers.speech;

import io.fastrtc.jakarta.api.AudioFrame;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text cut into sentences, as FastRTC's {@code stream_tts_sync} does before it speaks: each ends
 * at {@code .}, {@code !}, {@code ?} or {@code ;} followed by white space (or at the end), or at a
 * line break. A full stop between digits ({@code 3.5}) does not end a sentence.
 */
public final class Sentences {
  private static final Pattern END = Pattern.compile("[.!?;]+(?=\\s|$)|\\R");

  private Sentences() {}

  /**
   * Splits {@code text} into sentences.
   *
   * @param text any text
   * @return its sentences, trimmed, without empty ones; empty for blank text
   */
  public static List<String> split(String text) {
    Objects.requireNonNull(text, "text == null");
    List<String> sentences = new ArrayList<>();
    Matcher m = END.matcher(text);
    int start = 0;
    while (m.find()) {
      add(sentences, text.substring(start, m.end()));
      start = m.end();
    }
    add(sentences, text.substring(start));
    return sentences;
  }

  private static void add(List<String> sentences, String sentence) {
    String trimmed = sentence.strip();
    if (!trimmed.isEmpty() && trimmed.chars().anyMatch(Character::isLetterOrDigit)) {
      sentences.add(trimmed);
    }
  }

  /**
   * Speaks {@code text} one sentence at a time, lazily: each {@code next()} synthesises the next
   * sentence, so the first audio is ready as soon as the first sentence is spoken.
   *
   * @param text the text
   * @param voice speaks one sentence
   * @return the sentences' audio, in order
   */
  public static Iterator<AudioFrame> spoken(String text, Function<String, AudioFrame> voice) {
    Objects.requireNonNull(voice, "voice == null");
    Iterator<String> sentences = split(text).iterator();
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return sentences.hasNext();
      }

      @Override
      public AudioFrame next() {
        if (!sentences.hasNext()) {
          throw new NoSuchElementException();
        }
        return voice.apply(sentences.next());
      }
    };
  }
}
