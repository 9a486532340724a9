package io.fastrtc.jakarta.handlers.speech.vosk;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Word error counting: the word-level edit distance between a reference and a transcript. */
final class WordErrors {
  private WordErrors() {}

  /** The words of a text: lower case, punctuation other than apostrophes dropped. */
  static List<String> words(String text) {
    String clean = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9' ]", " ").trim();
    return clean.isEmpty() ? List.of() : Arrays.asList(clean.split("\\s+"));
  }

  /**
   * Substitutions, deletions and insertions needed to turn {@code reference} into {@code heard}.
   */
  static int count(String reference, String heard) {
    List<String> r = words(reference);
    List<String> h = words(heard);
    int[][] d = new int[r.size() + 1][h.size() + 1];
    for (int i = 0; i <= r.size(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= h.size(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= r.size(); i++) {
      for (int j = 1; j <= h.size(); j++) {
        int same = r.get(i - 1).equals(h.get(j - 1)) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + same);
      }
    }
    return d[r.size()][h.size()];
  }
}
