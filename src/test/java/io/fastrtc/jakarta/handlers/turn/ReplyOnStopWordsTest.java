package io.fastrtc.jakarta.handlers.turn;

import static org.assertj.core.api.Assertions.assertThat;

import io.fastrtc.jakarta.api.AudioEmission;
import io.fastrtc.jakarta.api.AudioFrame;
import io.fastrtc.jakarta.api.Emission;
import io.fastrtc.jakarta.api.Modality;
import io.fastrtc.jakarta.api.RealtimeStream;
import io.fastrtc.jakarta.api.speech.SpeechToText;
import io.fastrtc.jakarta.handlers.speech.vosk.VoskSpeechToText;
import io.fastrtc.jakarta.testing.SpeechSynth;
import io.fastrtc.jakarta.testkit.FakeStreamContext;
import io.fastrtc.jakarta.testkit.HandlerTester;
import io.fastrtc.jakarta.testkit.SentMessage;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * ReplyOnStopWords through the test kit with real speech ({@code flite -voice slt}, made at test
 * time, streamed at 48 kHz in 20 ms frames) and the real Vosk model: the stop word is heard in
 * every sentence that has it and in none that has not, the {@code stopword} event is sent, and the
 * reply function gets only what was said after the stop word.
 */
class ReplyOnStopWordsTest {
  private static final int RATE = 48_000;

  static final List<String> WITH =
      List.of(
          "computer, what time is it",
          "computer, turn on the lights",
          "hello computer, what is the date today",
          "computer, what is seven times six",
          "ok computer, play some music",
          "computer, repeat after me, good morning");

  static final List<String> WITHOUT =
      List.of(
          "what time is it",
          "turn on the lights please",
          "the commuter train was late again",
          "we need to compute the total",
          "my laptop is broken",
          "can you play some music",
          "the company bought new computers",
          "a competitor sent us a letter");

  private static VoskSpeechToText vosk;

  @BeforeAll
  static void loadModel() {
    SpeechSynth.requireTools();
    vosk = VoskSpeechToText.load(Path.of(System.getProperty("fastrtc.speech.vosk.model")));
  }

  @AfterAll
  static void closeModel() {
    if (vosk != null) {
      vosk.close();
    }
  }

  /** What one spoken sentence did to a fresh connection. */
  record Heard(boolean stopWord, List<String> turns) {}

  private static Heard speak(String sentence) {
    FakeStreamContext context = new FakeStreamContext();
    List<String> turns = new ArrayList<>();
    ReplyOnStopWords handler =
        new ReplyOnStopWords(
                u -> {
                  turns.add(vosk.transcribe(u.audio()));
                  return Replies.none();
                },
                StopWords.of("computer"),
                ReplyOptions.DEFAULTS)
            .speechToText(vosk);
    try (HandlerTester t = HandlerTester.start(handler, context).timeout(Duration.ofSeconds(60))) {
      short[] audio = concat(new short[RATE / 2], upsample(SpeechSynth.say(sentence, "slt")));
      audio = concat(audio, new short[RATE * 3 / 2]);
      int frame = RATE / 50;
      for (int from = 0; from + frame <= audio.length; from += frame) {
        t.send(AudioFrame.mono(RATE, Arrays.copyOfRange(audio, from, from + frame)));
      }
    }
    boolean stopWord =
        context.messages().stream()
            .anyMatch(m -> m.type().equals("stopword") && "".equals(m.data()));
    return new Heard(stopWord, turns);
  }

  @Test
  void hearsTheStopWordInEverySentenceThatHasItAndRepliesToWhatFollows() {
    int hits = 0;
    for (String sentence : WITH) {
      Heard heard = speak(sentence);
      System.out.printf(
          "stop word %s in \"%s\"; reply function got %s%n",
          heard.stopWord() ? "heard" : "MISSED", sentence, heard.turns());
      hits += heard.stopWord() ? 1 : 0;
      assertThat(heard.stopWord()).as("stop word in \"%s\"", sentence).isTrue();
      assertThat(heard.turns()).as("turns after \"%s\"", sentence).hasSize(1);
      String after = sentence.substring(sentence.indexOf("computer") + "computer".length());
      String turn = heard.turns().get(0);
      assertThat(turn.split(" ")).doesNotContain("computer");
      String lastWord = after.substring(after.lastIndexOf(' ') + 1);
      assertThat(turn).as("what followed \"computer\" in \"%s\"", sentence).contains(lastWord);
    }
    System.out.printf(
        "stop word: %d of %d sentences with it heard (no misses)%n", hits, WITH.size());
  }

  @Test
  void hearsNoStopWordAndRepliesToNothingInSentencesWithoutIt() {
    int falseHits = 0;
    for (String sentence : WITHOUT) {
      Heard heard = speak(sentence);
      System.out.printf(
          "stop word %s in \"%s\"%n", heard.stopWord() ? "FALSELY heard" : "not heard", sentence);
      falseHits += heard.stopWord() ? 1 : 0;
      assertThat(heard.turns()).as("turns in \"%s\"", sentence).isEmpty();
    }
    System.out.printf(
        "stop word: %d false hits in %d sentences without it%n", falseHits, WITHOUT.size());
    assertThat(falseHits).isZero();
  }

  @Test
  void sendsFastRtcsStopwordEventOnTheDataChannel() {
    SentMessage expected = new SentMessage("stopword", "");
    FakeStreamContext context = new FakeStreamContext();
    ReplyOnStopWords handler =
        new ReplyOnStopWords(u -> Replies.none(), StopWords.of("computer"), ReplyOptions.DEFAULTS)
            .speechToText(vosk);
    try (HandlerTester t = HandlerTester.start(handler, context).timeout(Duration.ofSeconds(60))) {
      // "computer" alone: heard once the recognizer closes the phrase in the silence after it.
      short[] audio = concat(upsample(SpeechSynth.say("computer", "slt")), new short[RATE * 5 / 2]);
      for (int from = 0; from + 960 <= audio.length; from += 960) {
        t.send(AudioFrame.mono(RATE, Arrays.copyOfRange(audio, from, from + 960)));
      }
      assertThat(handler.isListening()).isTrue();
    }
    assertThat(context.messages()).contains(expected);
  }

  /** The README's example, verbatim: it has to compile. */
  @RealtimeStream(name = "assistant", modality = Modality.AUDIO)
  @Dependent
  public static class Assistant extends ReplyOnStopWords {
    @Inject SpeechToText stt; // Vosk, unless you declare your own

    public Assistant() {
      super(StopWords.of("computer"), ReplyOptions.DEFAULTS);
    }

    @Override
    protected Flow.Publisher<? extends AudioEmission> reply(Utterance u) {
      return Replies.of(Emission.outputs(stt.transcribe(u.audio()))); // what followed "computer"
    }
  }

  @Test
  void theReadmeExampleListensForItsStopWord() {
    assertThat(new Assistant().stopWords().phrases()).containsExactly("computer");
  }

  private static short[] upsample(short[] at16k) {
    short[] out = new short[at16k.length * 3];
    for (int i = 0; i < out.length; i++) {
      int at = i / 3;
      int next = Math.min(at16k.length - 1, at + 1);
      out[i] = (short) (at16k[at] + (at16k[next] - at16k[at]) * (i % 3) / 3);
    }
    return out;
  }

  private static short[] concat(short[] a, short[] b) {
    short[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
