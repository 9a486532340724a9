package io.fastrtc.jakarta.demo;

import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/** English number words both ways, for what a speech recogniser hears and a voice says. */
final class NumberWords {
  private static final List<String> SMALL =
      List.of(
          "zero",
          "one",
          "two",
          "three",
          "four",
          "five",
          "six",
          "seven",
          "eight",
          "nine",
          "ten",
          "eleven",
          "twelve",
          "thirteen",
          "fourteen",
          "fifteen",
          "sixteen",
          "seventeen",
          "eighteen",
          "nineteen");
  private static final List<String> TENS =
      List.of("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety");
  private static final List<String> ORDINALS =
      List.of(
          "zeroth",
          "first",
          "second",
          "third",
          "fourth",
          "fifth",
          "sixth",
          "seventh",
          "eighth",
          "ninth",
          "tenth",
          "eleventh",
          "twelfth",
          "thirteenth",
          "fourteenth",
          "fifteenth",
          "sixteenth",
          "seventeenth",
          "eighteenth",
          "nineteenth",
          "twentieth");

  private NumberWords() {}

  /** {@code n} in words, e.g. 1042 is "one thousand forty two"; negatives say "minus". */
  static String say(long n) {
    if (n < 0) {
      return "minus " + say(-n);
    }
    if (n < 20) {
      return SMALL.get((int) n);
    }
    if (n < 100) {
      return TENS.get((int) (n / 10)) + (n % 10 == 0 ? "" : " " + SMALL.get((int) (n % 10)));
    }
    if (n < 1_000) {
      return SMALL.get((int) (n / 100)) + " hundred" + (n % 100 == 0 ? "" : " " + say(n % 100));
    }
    long[] scales = {1_000_000_000_000L, 1_000_000_000L, 1_000_000L, 1_000L};
    String[] names = {"trillion", "billion", "million", "thousand"};
    for (int i = 0; i < scales.length; i++) {
      if (n >= scales[i]) {
        long rest = n % scales[i];
        return say(n / scales[i]) + " " + names[i] + (rest == 0 ? "" : " " + say(rest));
      }
    }
    throw new AssertionError(n);
  }

  /** The day of a month as an ordinal word, 1 to 31, e.g. "twenty first". */
  static String ordinal(int n) {
    if (n <= 20) {
      return ORDINALS.get(n);
    }
    if (n == 30) {
      return "thirtieth";
    }
    return TENS.get(n / 10) + " " + ORDINALS.get(n % 10);
  }

  /**
   * Reads a number said in words or digits: "forty two", "one hundred and five", "42", "minus
   * three".
   *
   * @return the number, or empty when the words are not one
   */
  static OptionalLong parse(String words) {
    String[] tokens = words.toLowerCase(Locale.ROOT).replace('-', ' ').trim().split("\\s+", -1);
    if (tokens.length == 1 && tokens[0].matches("-?\\d{1,15}")) {
      return OptionalLong.of(Long.parseLong(tokens[0]));
    }
    long total = 0;
    long current = 0;
    boolean any = false;
    boolean negative = false;
    for (int i = 0; i < tokens.length; i++) {
      String t = tokens[i];
      if (t.equals("and") && any) {
        continue;
      }
      if (i == 0 && (t.equals("minus") || t.equals("negative"))) {
        negative = true;
      } else if (SMALL.contains(t)) {
        current += SMALL.indexOf(t);
        any = true;
      } else if (TENS.indexOf(t) > 1) {
        current += 10L * TENS.indexOf(t);
        any = true;
      } else if (t.equals("hundred") && any) {
        current = Math.max(current, 1) * 100;
      } else if (t.equals("thousand") && any) {
        total += Math.max(current, 1) * 1_000;
        current = 0;
      } else if (t.equals("million") && any) {
        total += Math.max(current, 1) * 1_000_000;
        current = 0;
      } else if (t.matches("\\d{1,9}")) {
        current += Long.parseLong(t);
        any = true;
      } else {
        return OptionalLong.empty();
      }
    }
    if (!any) {
      return OptionalLong.empty();
    }
    long value = total + current;
    return OptionalLong.of(negative ? -value : value);
  }
}
