package io.fastrtc.jakarta.handlers.turn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** FastRTC's stop-word matching: case-insensitive whole words, phrases, trailing punctuation. */
class StopWordsTest {

  @Test
  void matchesWholeWordsWhateverTheirCase() {
    StopWords words = StopWords.of("Computer");

    assertThat(words.foundIn("computer what time is it")).isTrue();
    assertThat(words.foundIn("Hey COMPUTER")).isTrue();
    assertThat(words.foundIn("computers are everywhere")).isFalse();
    assertThat(words.foundIn("a supercomputer")).isFalse();
    assertThat(words.foundIn("what time is it")).isFalse();
    assertThat(words.phrases()).containsExactly("computer");
  }

  @Test
  void toleratesTrailingPunctuationAndFlexibleWhitespaceInPhrases() {
    StopWords words = StopWords.of("hey there!", "ok computer");

    assertThat(words.foundIn("Computer, what time is it?")).isFalse();
    assertThat(words.foundIn("Hey   there, how are you")).isTrue();
    assertThat(words.foundIn("ok, computer! play music")).isTrue();
    assertThat(words.foundIn("okay computer")).isFalse();
    assertThat(words.foundIn("they there")).isFalse();
    assertThat(words.phrases()).containsExactly("hey there", "ok computer");
    assertThat(StopWords.of("computer").foundIn("Computer.")).isTrue();
  }

  @Test
  void aStopWordFollowedByAnotherWordIsSettled() {
    StopWords words = StopWords.of("computer");

    assertThat(words.foundBeforeEnd("computer what")).isTrue();
    assertThat(words.foundBeforeEnd("the computer")).isFalse();
    assertThat(words.foundBeforeEnd("computer ")).isFalse();
  }

  @Test
  void refusesNoWords() {
    assertThatThrownBy(StopWords::of).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> StopWords.of("  ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> StopWords.of((String) null)).isInstanceOf(NullPointerException.class);
  }
}
