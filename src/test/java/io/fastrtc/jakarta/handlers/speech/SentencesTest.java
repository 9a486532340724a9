package io.fastrtc.jakarta.handlers.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fastrtc.jakarta.api.AudioFrame;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class SentencesTest {

  @Test
  void splitsAtSentenceEndsAndLineBreaks() {
    assertThat(Sentences.split("It is 3.5 degrees. Cold!  Really?\nYes; quite"))
        .containsExactly("It is 3.5 degrees.", "Cold!", "Really?", "Yes;", "quite");
  }

  @Test
  void dropsBlankAndPunctuationOnlyPieces() {
    assertThat(Sentences.split("  ... ! ")).isEmpty();
    assertThat(Sentences.split("")).isEmpty();
    assertThat(Sentences.split("no end")).containsExactly("no end");
  }

  @Test
  void speaksLazilyOneSentenceAtATime() {
    List<String> spoken = new ArrayList<>();
    Iterator<AudioFrame> audio =
        Sentences.spoken(
            "One. Two.",
            s -> {
              spoken.add(s);
              return AudioFrame.mono(16_000, new short[s.length()]);
            });

    assertThat(spoken).isEmpty();
    assertThat(audio.next().sampleCount()).isEqualTo(4);
    assertThat(spoken).containsExactly("One.");
    audio.next();
    assertThat(audio.hasNext()).isFalse();
  }

  @Test
  void rejectsNulls() {
    assertThatThrownBy(() -> Sentences.split(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> Sentences.spoken("a", null)).isInstanceOf(NullPointerException.class);
  }
}
