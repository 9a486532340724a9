package io.fastrtc.jakarta.handlers.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import io.fastrtc.jakarta.api.AudioFrame;
import io.fastrtc.jakarta.handlers.speech.flite.FliteSpeech;
import io.fastrtc.jakarta.handlers.speech.vosk.VoskSpeechToText;
import io.fastrtc.jakarta.testing.SpeechSynth;
import io.fastrtc.jakarta.testkit.FakeStreamContext;
import io.fastrtc.jakarta.testkit.HandlerTester;
import io.fastrtc.jakarta.testkit.SentMessage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The assistant through the test kit with real engines: a flite "computer, what time is it" goes in
 * as 20 ms frames; Vosk hears it, the stop word is announced, the answer function gets only the
 * question, the outputs carry transcript and answer, and the spoken answer reads back (Vosk).
 */
class VoiceAssistantTest {
  private static VoskSpeechToText stt;

  @BeforeAll
  static void load() {
    SpeechSynth.requireTools();
    stt = VoskSpeechToText.load(Path.of(System.getProperty("fastrtc.speech.vosk.model")));
  }

  @AfterAll
  static void close() {
    if (stt != null) {
      stt.close();
    }
  }

  @Test
  void hearsTheWakeWordAnswersTheQuestionAndSpeaksTheAnswer() {
    List<String> questions = new CopyOnWriteArrayList<>();
    VoiceAssistant assistant =
        new VoiceAssistant(
            q -> {
              questions.add(q);
              return "It is three o'clock in the afternoon.";
            },
            "computer");
    assistant.useSpeech(stt, new FliteSpeech());
    FakeStreamContext context = new FakeStreamContext();
    short[] speech = SpeechSynth.say("Computer, what time is it?", "slt");

    List<AudioFrame> reply = new ArrayList<>();
    List<Object> outputs;
    try (HandlerTester t = HandlerTester.start(assistant, context)) {
      for (int at = 0; at + 320 <= speech.length; at += 320) {
        t.send(AudioFrame.mono(16_000, Arrays.copyOfRange(speech, at, at + 320)));
      }
      for (int i = 0; i < 100 && reply.isEmpty(); i++) {
        t.send(AudioFrame.mono(16_000, new short[320]));
        reply.addAll(t.takeAudio());
      }
      outputs = t.awaitOutputs();
      for (int i = 0; i < 200; i++) {
        t.advance(java.time.Duration.ofMillis(20));
        reply.addAll(t.takeAudio());
      }
    }

    assertThat(context.messages()).contains(new SentMessage("stopword", ""));
    assertThat(questions).containsExactly("what time is it");
    assertThat(outputs)
        .containsExactly("computer what time is it", "It is three o'clock in the afternoon.");
    String heard = stt.transcribe(join(reply));
    System.out.println("assistant's answer, as Vosk hears it: " + heard);
    assertThat(heard).contains("three");
  }

  private static AudioFrame join(List<AudioFrame> frames) {
    int rate = frames.get(0).sampleRate();
    short[] all = new short[frames.stream().mapToInt(AudioFrame::sampleCount).sum()];
    int at = 0;
    for (AudioFrame f : frames) {
      System.arraycopy(f.samples(), 0, all, at, f.sampleCount());
      at += f.sampleCount();
    }
    return AudioFrame.mono(rate, all);
  }
}
