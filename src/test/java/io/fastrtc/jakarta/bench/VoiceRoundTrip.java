package io.fastrtc.jakarta.bench;

import io.fastrtc.jakarta.api.AudioFrame;
import io.fastrtc.jakarta.api.speech.SpeechToText;
import io.fastrtc.jakarta.api.speech.TextToSpeech;
import io.fastrtc.jakarta.demo.LocalIntents;
import io.fastrtc.jakarta.handlers.assistant.VoiceAssistant;
import io.fastrtc.jakarta.testkit.FakeStreamContext;
import io.fastrtc.jakarta.testkit.HandlerTester;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The voice round trip through {@link VoiceAssistant} with {@link HandlerTester}: each question's
 * speech is sent at once, then 20 ms silence frames paced in real time until the first reply audio;
 * the figure is the wall time from the last speech frame to that audio (the pause wait included).
 */
final class VoiceRoundTrip {
  private VoiceRoundTrip() {}

  /** Round trips (ms) of {@code k} assistants in parallel threads, each over every question. */
  static List<Double> run(int k, List<short[]> questions, SpeechToText stt, TextToSpeech tts)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(k);
    try {
      List<Future<List<Double>>> futures = new ArrayList<>();
      for (int i = 0; i < k; i++) {
        futures.add(pool.submit(() -> one(questions, stt, tts)));
      }
      List<Double> all = Collections.synchronizedList(new ArrayList<>());
      for (Future<List<Double>> f : futures) {
        all.addAll(f.get());
      }
      return all;
    } finally {
      pool.shutdownNow();
    }
  }

  private static List<Double> one(List<short[]> questions, SpeechToText stt, TextToSpeech tts)
      throws InterruptedException {
    List<Double> out = new ArrayList<>();
    VoiceAssistant assistant = new VoiceAssistant(new LocalIntents(), "computer");
    assistant.useSpeech(stt, tts);
    try (HandlerTester t = HandlerTester.start(assistant, new FakeStreamContext())) {
      for (short[] speech : questions) {
        for (int at = 0; at + 320 <= speech.length; at += 320) {
          t.send(AudioFrame.mono(16_000, Arrays.copyOfRange(speech, at, at + 320)));
        }
        long end = System.nanoTime();
        long next = end;
        boolean got = false;
        for (int i = 0; i < 250 && !got; i++) {
          next += 20_000_000L;
          t.send(AudioFrame.mono(16_000, new short[320]));
          got = !t.takeAudio().isEmpty();
          long wait = next - System.nanoTime();
          if (!got && wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
          }
        }
        out.add((System.nanoTime() - end) / 1e6);
        for (int i = 0; i < 300; i++) {
          t.advance(java.time.Duration.ofMillis(20));
          t.takeAudio();
        }
      }
    }
    return out;
  }
}
