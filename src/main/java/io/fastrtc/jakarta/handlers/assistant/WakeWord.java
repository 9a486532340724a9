package io.fastrtc.jakarta.handlers.assistant;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a wake word (FastRTC's stop word) in a transcript: case-insensitive, whole words, a
 * phrase's words separated by any white space, trailing {@code .,!?} tolerated.
 */
public final class WakeWord {
  private final String phrase;
  private final Pattern pattern;

  /**
   * A wake word or phrase.
   *
   * @param phrase for example {@code computer} or {@code hey jarvis}
   * @throws IllegalArgumentException when it has no word
   */
  public WakeWord(String phrase) {
    String[] words = phrase.strip().toLowerCase(Locale.ROOT).split("\\s+");
    if (words.length == 0 || words[0].isEmpty()) {
      throw new IllegalArgumentException("a wake word needs a word: '" + phrase + "'");
    }
    StringBuilder regex = new StringBuilder("(?<![\\p{L}\\p{N}'])");
    for (int i = 0; i < words.length; i++) {
      regex.append(i == 0 ? "" : "\\s+").append(Pattern.quote(words[i]));
    }
    regex.append("(?![\\p{L}\\p{N}'])[.,!?]*");
    this.phrase = String.join(" ", words);
    this.pattern = Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE);
  }

  /** The phrase, lower case, single spaces. */
  public String phrase() {
    return phrase;
  }

  /**
   * What follows the first occurrence of the wake word.
   *
   * @param transcript what was heard
   * @return the text after the wake word, trimmed (empty when nothing follows), or empty when the
   *     wake word was not said
   */
  public Optional<String> after(String transcript) {
    Matcher m = pattern.matcher(transcript);
    if (!m.find()) {
      return Optional.empty();
    }
    return Optional.of(transcript.substring(m.end()).replaceFirst("^[\\s.,!?]+", "").strip());
  }
}
