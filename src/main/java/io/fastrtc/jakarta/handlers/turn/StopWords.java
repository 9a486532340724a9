package io.fastrtc.jakarta.handlers.turn;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The stop words of a {@link ReplyOnStopWords}, matched as FastRTC matches them: case-insensitive,
 * whole words only, a phrase's words separated by any whitespace, trailing {@code .,!?} tolerated
 * ("Computer!" and "hey computer," match; "computers" and "supercomputer" do not).
 */
public final class StopWords {
  private final List<String> phrases;
  private final List<Pattern> patterns;

  private StopWords(List<String> phrases) {
    this.phrases = phrases;
    List<Pattern> compiled = new ArrayList<>();
    for (String phrase : phrases) {
      compiled.add(pattern(phrase));
    }
    this.patterns = List.copyOf(compiled);
  }

  /**
   * Stop words from words or phrases.
   *
   * @param phrases one or more words or phrases, e.g. {@code "computer"}, {@code "hey there"}
   * @throws IllegalArgumentException when there is none, or one has no word
   */
  public static StopWords of(String... phrases) {
    return of(List.of(phrases));
  }

  /** Stop words from a list of words or phrases; see {@link #of(String...)}. */
  public static StopWords of(List<String> phrases) {
    Objects.requireNonNull(phrases, "phrases == null");
    if (phrases.isEmpty()) {
      throw new IllegalArgumentException("at least one stop word is needed");
    }
    List<String> normal = new ArrayList<>();
    for (String phrase : phrases) {
      Objects.requireNonNull(phrase, "phrase == null");
      List<String> words = words(phrase);
      if (words.isEmpty()) {
        throw new IllegalArgumentException("a stop word needs a word: \"" + phrase + "\"");
      }
      normal.add(String.join(" ", words));
    }
    return new StopWords(List.copyOf(normal));
  }

  /** The phrases, lower case, single-spaced, as a speech recognizer's vocabulary. */
  public List<String> phrases() {
    return phrases;
  }

  /**
   * Whether a transcript holds one of the stop words.
   *
   * @param transcript any text, e.g. {@code "Computer, what time is it?"}
   */
  public boolean foundIn(String transcript) {
    for (Pattern p : patterns) {
      if (p.matcher(transcript).find()) {
        return true;
      }
    }
    return false;
  }

  /** Whether a stop word is in the transcript with more words after it (a settled partial). */
  boolean foundBeforeEnd(String transcript) {
    String text = transcript.strip();
    for (Pattern p : patterns) {
      Matcher m = p.matcher(text);
      while (m.find()) {
        if (m.end() < text.length()) {
          return true;
        }
      }
    }
    return false;
  }

  private static List<String> words(String phrase) {
    String trimmed = phrase.trim().toLowerCase(Locale.ROOT).replaceAll("[.,!?]+$", "");
    List<String> words = new ArrayList<>();
    for (String w : trimmed.split("\\s+", -1)) {
      if (!w.isEmpty()) {
        words.add(w);
      }
    }
    return words;
  }

  private static Pattern pattern(String phrase) {
    StringBuilder regex = new StringBuilder("(?<![\\p{L}\\p{N}_'])");
    String[] words = phrase.split(" ", -1);
    for (int i = 0; i < words.length; i++) {
      regex.append(i == 0 ? "" : "[.,!?]*\\s+").append(Pattern.quote(words[i]));
    }
    regex.append("[.,!?]*(?![\\p{L}\\p{N}_'])");
    return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }

  @Override
  public String toString() {
    return "StopWords" + phrases;
  }
}
