package io.fastrtc.jakarta.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LocalIntentsTest {
  private final LocalIntents intents =
      new LocalIntents(
          Clock.fixed(
              ZonedDateTime.of(2026, 12, 5, 15, 7, 0, 0, ZoneId.of("UTC")).toInstant(),
              ZoneId.of("UTC")));

  @ParameterizedTest
  @CsvSource({
    "what time is it, It is three oh seven in the afternoon.",
    "what's the time, It is three oh seven in the afternoon.",
    "what is the date, 'Today is Saturday, the fifth of December.'",
    "what day is it today, 'Today is Saturday, the fifth of December.'",
    "what is seven times six, Seven times six is forty two.",
    "what's twelve plus thirty, Twelve plus thirty is forty two.",
    "how much is one hundred and five minus six, One hundred five minus six is ninety nine.",
    "what is seven divided by two, Seven divided by two is three point five.",
    "what is 9 times 9, Nine times nine is eighty one.",
    "what is five divided by zero, I cannot divide by zero.",
    "repeat after me open the pod bay doors, open the pod bay doors"
  })
  void answersTheLocalIntents(String question, String answer) {
    assertThat(intents.answer(question)).isEqualTo(answer);
  }

  @Test
  void anythingElseGetsWhatItCanDo() {
    assertThat(intents.answer("sing me a song")).isEqualTo(LocalIntents.HELP);
  }

  @Test
  void repeatAfterMeKeepsTheWordsAsSaid() {
    assertThat(intents.answer("Repeat after me: Hello World")).isEqualTo("Hello World");
    assertThat(intents.answer("repeat after me")).isEqualTo("Repeat what?");
  }

  @Test
  void sayTheTimeLikeAPerson() {
    assertThat(LocalIntents.time(LocalTime.of(0, 0)))
        .isEqualTo("It is twelve o'clock in the morning.");
    assertThat(LocalIntents.time(LocalTime.of(12, 30)))
        .isEqualTo("It is twelve thirty in the afternoon.");
    assertThat(LocalIntents.time(LocalTime.of(21, 45)))
        .isEqualTo("It is nine forty five in the evening.");
  }

  @Test
  void numbersBothWays() {
    assertThat(NumberWords.say(1042)).isEqualTo("one thousand forty two");
    assertThat(NumberWords.say(-3)).isEqualTo("minus three");
    assertThat(NumberWords.parse("two thousand and twenty six")).hasValue(2026);
    assertThat(NumberWords.parse("forty-two")).hasValue(42);
    assertThat(NumberWords.parse("seven apples")).isEmpty();
    assertThat(NumberWords.ordinal(21)).isEqualTo("twenty first");
    assertThat(NumberWords.ordinal(30)).isEqualTo("thirtieth");
  }
}
