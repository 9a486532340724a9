package io.fastrtc.jakarta.handlers.speech.vosk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fastrtc.jakarta.api.AudioFrame;
import io.fastrtc.jakarta.api.speech.SpeechRecognition;
import io.fastrtc.jakarta.api.speech.Transcript;
import io.fastrtc.jakarta.testing.SpeechSynth;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Vosk with the small English model on speech made at test time ({@code flite -voice slt}, 16 kHz):
 * the word error rate over a set of sentences, streaming partial results, a restricted vocabulary,
 * and the errors a deployment without a model gets. The model folder comes from {@code
 * fastrtc.speech.vosk.model}, which the pom sets to the one the build unpacks.
 */
class VoskSpeechToTextTest {
  static final List<String> SENTENCES =
      List.of(
          "what time is it",
          "please turn off the lights in the kitchen",
          "the weather is nice today",
          "i would like to book a table for two people",
          "call my mother tomorrow morning",
          "how far is the nearest train station",
          "set an alarm for seven o'clock",
          "the meeting starts at ten in the morning",
          "can you play some music",
          "what is seven times six",
          "send a message to my brother",
          "open the front door",
          "how much does this cost",
          "i need a taxi to the airport",
          "remind me to buy milk and bread",
          "the children are playing in the garden",
          "what is the date today",
          "tell me a story about a dog");

  private static VoskSpeechToText model;

  @BeforeAll
  static void loadModel() {
    SpeechSynth.requireTools();
    long start = System.nanoTime();
    model = VoskSpeechToText.load(VoskModelLocation.configured());
    System.out.printf("Vosk model loaded in %d ms%n", (System.nanoTime() - start) / 1_000_000);
  }

  @AfterAll
  static void closeModel() {
    if (model != null) {
      model.close();
    }
  }

  @Test
  void wordErrorRateOnSynthesisedSentencesIsAtMost15Percent() {
    int errors = 0;
    int words = 0;
    double audioSeconds = 0;
    long nanos = 0;
    for (String sentence : SENTENCES) {
      short[] speech = SpeechSynth.say(sentence, "slt");
      audioSeconds += speech.length / (double) SpeechSynth.SAMPLE_RATE;
      long start = System.nanoTime();
      String heard = model.transcribe(AudioFrame.mono(SpeechSynth.SAMPLE_RATE, speech));
      nanos += System.nanoTime() - start;
      int e = WordErrors.count(sentence, heard);
      errors += e;
      words += WordErrors.words(sentence).size();
      System.out.printf("WER sample: %d error(s): \"%s\" -> \"%s\"%n", e, sentence, heard);
    }
    double wer = errors / (double) words;
    System.out.printf(
        "Vosk WER on %d flite slt sentences: %.1f %% (%d errors / %d words); %.1f s of audio"
            + " transcribed in %.1f s (real-time factor %.2f)%n",
        SENTENCES.size(),
        100 * wer,
        errors,
        words,
        audioSeconds,
        nanos / 1e9,
        nanos / 1e9 / audioSeconds);

    assertThat(SENTENCES).hasSizeGreaterThanOrEqualTo(15);
    assertThat(wer).isLessThanOrEqualTo(0.15);
  }

  @Test
  void streamingGivesGrowingPartialsThenTheFinalText() {
    short[] speech = SpeechSynth.say("please turn off the lights in the kitchen", "slt");
    List<String> partials = new ArrayList<>();
    Transcript last;
    try (SpeechRecognition recognition = model.open(SpeechSynth.SAMPLE_RATE)) {
      int frame = SpeechSynth.SAMPLE_RATE / 50; // 20 ms, as a connection delivers it
      for (int from = 0; from + frame <= speech.length; from += frame) {
        Transcript t =
            recognition.accept(
                AudioFrame.mono(
                    SpeechSynth.SAMPLE_RATE, Arrays.copyOfRange(speech, from, from + frame)));
        if (!t.isFinal() && !t.text().isEmpty() && !partials.contains(t.text())) {
          partials.add(t.text());
        }
      }
      last = recognition.finish();
    }
    System.out.println("partials: " + partials + ", final: " + last.text());

    assertThat(partials).hasSizeGreaterThanOrEqualTo(3);
    assertThat(partials.get(0).split(" ").length)
        .isLessThan(partials.get(partials.size() - 1).split(" ").length);
    assertThat(last.isFinal()).isTrue();
    assertThat(last.text()).contains("lights").contains("kitchen");
  }

  @Test
  void takesAudioAtTheStreamsRateAndInStereo() {
    short[] speech = SpeechSynth.say("can you play some music", "slt");
    short[] stereo48k = new short[speech.length * 3 * 2];
    for (int i = 0; i < speech.length * 3; i++) {
      int at = i / 3;
      int next = Math.min(speech.length - 1, at + 1);
      short v = (short) (speech[at] + (speech[next] - speech[at]) * (i % 3) / 3);
      stereo48k[2 * i] = v;
      stereo48k[2 * i + 1] = v;
    }

    String heard = model.transcribe(new AudioFrame(48_000, 2, stereo48k));

    assertThat(heard).isEqualTo("can you play some music");
  }

  @Test
  void aVocabularyRecognitionHearsOnlyItsPhrases() {
    List<String> stopWords = List.of("computer");
    String with;
    String without;
    try (SpeechRecognition r = model.openVocabulary(SpeechSynth.SAMPLE_RATE, stopWords)) {
      with = heard(r, SpeechSynth.say("computer, what time is it", "slt"));
      without = heard(r, SpeechSynth.say("what time is it", "slt"));
    }
    System.out.println("vocabulary [computer]: \"" + with + "\", \"" + without + "\"");

    assertThat(with.split(" ")).contains("computer").doesNotContain("time");
    assertThat(without.split(" ")).doesNotContain("computer");
  }

  private static String heard(SpeechRecognition r, short[] speech) {
    Transcript t = r.accept(AudioFrame.mono(16_000, speech));
    String rest = r.finish().text();
    return ((t.isFinal() ? t.text() : "") + " " + rest).trim();
  }

  @Test
  void aClosedRecognitionIsFreedAndRefusesAudio() {
    VoskRecognition recognition = (VoskRecognition) model.open(16_000);
    recognition.accept(AudioFrame.mono(16_000, new short[320]));

    recognition.close();
    recognition.close(); // twice is harmless

    assertThat(recognition.isClosed()).isTrue();
    assertThatThrownBy(() -> recognition.accept(AudioFrame.mono(16_000, new short[320])))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
    assertThatThrownBy(recognition::finish).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aMissingModelSaysWhatToAdd() {
    assertThatThrownBy(() -> VoskModelLocation.from(key -> Optional.empty()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("fastrtc.speech.vosk.model")
        .hasMessageContaining("com.alphacephei:vosk-model-en:0.3.45");
    Path nowhere = Path.of("target", "no-such-model");
    assertThatThrownBy(() -> VoskSpeechToText.load(nowhere))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(nowhere.toAbsolutePath().toString())
        .hasMessageContaining("am/final.mdl");
    Map<String, String> set = Map.of(VoskModelLocation.KEY, " /opt/m ");
    assertThat(VoskModelLocation.from(key -> Optional.ofNullable(set.get(key))))
        .isEqualTo(Path.of("/opt/m"));
  }

  @Test
  void theGrammarIsTheLowerCasePhrasesPlusUnknown() {
    assertThat(VoskSpeechToText.grammar(List.of("Computer", "hey  there!", "computer")))
        .isEqualTo("[\"computer\",\"hey there\",\"[unk]\"]");
    assertThat(VoskRecognition.text("{\n  \"partial\" : \"hello  world\"\n}"))
        .isEqualTo("hello world");
    assertThat(VoskRecognition.text("{\"text\" : \"\"}")).isEmpty();
  }
}
