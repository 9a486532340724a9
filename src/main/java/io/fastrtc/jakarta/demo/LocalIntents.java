package io.fastrtc.jakarta.demo;

import io.fastrtc.jakarta.handlers.assistant.AnswerFunction;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo assistant's answers, all local: the time, the date, "repeat after me ...", and a
 * calculation of two numbers ("what is seven times six"). Numbers are answered in words, so any
 * voice says them the same way. Anything else gets a short list of what it can do.
 */
public final class LocalIntents implements AnswerFunction {
  /** What an unknown question gets. */
  static final String HELP =
      "I can tell you the time or the date, repeat after you, or work out a sum like seven times"
          + " six.";

  private static final Pattern REPEAT = Pattern.compile("\\brepeat after me\\b[\\s,.:]*(.*)");
  private static final Pattern TIME = Pattern.compile("\\b(time|clock)\\b");
  private static final Pattern DATE = Pattern.compile("\\b(date|day|today)\\b");
  private static final Pattern SUM =
      Pattern.compile(
          "(?:what(?: is|'s)|how much is|calculate|compute)?\\s*(.+?)\\s+"
              + "(plus|minus|times|multiplied by|divided by|over)\\s+(.+)");

  private final Clock clock;

  /**
   * Intents that read the time and date from {@code clock}.
   *
   * @param clock the clock, with the zone the answers use
   */
  public LocalIntents(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock == null");
  }

  /** Intents on the server's clock and zone. */
  public LocalIntents() {
    this(Clock.system(ZoneId.systemDefault()));
  }

  @Override
  public String answer(String question) {
    String q = question.toLowerCase(Locale.ROOT).replaceAll("[?!]", "").strip();
    Matcher repeat = REPEAT.matcher(q);
    if (repeat.find()) {
      String words = question.strip().substring(repeat.start(1)).strip();
      return words.isEmpty() ? "Repeat what?" : words;
    }
    Matcher sum = SUM.matcher(q);
    if (sum.matches()) {
      String result = calculate(sum.group(1), sum.group(2), sum.group(3));
      if (result != null) {
        return result;
      }
    }
    if (TIME.matcher(q).find()) {
      return time(LocalTime.now(clock));
    }
    if (DATE.matcher(q).find()) {
      return date(LocalDate.now(clock));
    }
    return HELP;
  }

  /** "It is three fifteen in the afternoon." */
  static String time(LocalTime t) {
    int hour12 = t.getHour() % 12 == 0 ? 12 : t.getHour() % 12;
    int m = t.getMinute();
    String minutes =
        m == 0 ? " o'clock" : m < 10 ? " oh " + NumberWords.say(m) : " " + NumberWords.say(m);
    String part =
        t.getHour() < 12
            ? "in the morning"
            : t.getHour() < 18 ? "in the afternoon" : "in the evening";
    return "It is " + NumberWords.say(hour12) + minutes + " " + part + ".";
  }

  /** "Today is Saturday, the fifth of December." */
  static String date(LocalDate d) {
    return "Today is "
        + d.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH)
        + ", the "
        + NumberWords.ordinal(d.getDayOfMonth())
        + " of "
        + d.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH)
        + ".";
  }

  private static String calculate(String left, String operator, String right) {
    OptionalLong a = NumberWords.parse(left);
    OptionalLong b = NumberWords.parse(right);
    if (a.isEmpty() || b.isEmpty()) {
      return null;
    }
    long x = a.getAsLong();
    long y = b.getAsLong();
    String said = NumberWords.say(x) + " " + operator + " " + NumberWords.say(y);
    String result;
    switch (operator) {
      case "plus" -> result = NumberWords.say(Math.addExact(x, y));
      case "minus" -> result = NumberWords.say(Math.subtractExact(x, y));
      case "times", "multiplied by" -> result = NumberWords.say(Math.multiplyExact(x, y));
      default -> {
        if (y == 0) {
          return "I cannot divide by zero.";
        }
        result =
            decimal(BigDecimal.valueOf(x).divide(BigDecimal.valueOf(y), 2, RoundingMode.HALF_UP));
      }
    }
    String sentence = said + " is " + result + ".";
    return Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1);
  }

  /** 3.50 is "three point five"; 4.00 is "four". */
  private static String decimal(BigDecimal value) {
    BigDecimal v = value.stripTrailingZeros();
    if (v.scale() <= 0) {
      return NumberWords.say(v.longValueExact());
    }
    String digits = v.abs().toPlainString();
    String whole = digits.substring(0, digits.indexOf('.'));
    StringBuilder out =
        new StringBuilder(v.signum() < 0 ? "minus " : "")
            .append(NumberWords.say(Long.parseLong(whole)))
            .append(" point");
    for (char c : digits.substring(digits.indexOf('.') + 1).toCharArray()) {
      out.append(' ').append(NumberWords.say(c - '0'));
    }
    return out.toString();
  }
}
