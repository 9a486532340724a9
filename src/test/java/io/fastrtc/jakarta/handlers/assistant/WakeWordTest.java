package io.fastrtc.jakarta.handlers.assistant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** FastRTC's stop-word matching: case-insensitive whole words, phrases, trailing punctuation. */
class WakeWordTest {

  @Test
  void findsTheWordAndReturnsWhatFollows() {
    WakeWord computer = new WakeWord("Computer");

    assertThat(computer.after("hello computer what time is it")).hasValue("what time is it");
    assertThat(computer.after("Computer, what time is it?")).hasValue("what time is it?");
    assertThat(computer.after("computer")).hasValue("");
  }

  @Test
  void wholeWordsOnly() {
    WakeWord computer = new WakeWord("computer");

    assertThat(computer.after("computers are fun")).isEmpty();
    assertThat(computer.after("supercomputer time")).isEmpty();
    assertThat(computer.after("what time is it")).isEmpty();
  }

  @Test
  void phrasesMatchAcrossAnyWhiteSpace() {
    WakeWord phrase = new WakeWord("hey  jarvis");

    assertThat(phrase.phrase()).isEqualTo("hey jarvis");
    assertThat(phrase.after("ok hey\tJarvis! the date")).hasValue("the date");
    assertThat(phrase.after("hey there jarvis")).isEmpty();
  }

  @Test
  void aBlankWakeWordIsRefused() {
    assertThatThrownBy(() -> new WakeWord("  ")).isInstanceOf(IllegalArgumentException.class);
  }
}
