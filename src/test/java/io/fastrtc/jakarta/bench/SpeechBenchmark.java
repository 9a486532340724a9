package io.fastrtc.jakarta.bench;

import io.fastrtc.jakarta.api.AudioFrame;
import io.fastrtc.jakarta.api.speech.SpeechRecognition;
import io.fastrtc.jakarta.api.speech.TextToSpeech;
import io.fastrtc.jakarta.handlers.speech.flite.FliteSpeech;
import io.fastrtc.jakarta.handlers.speech.freetts.FreeTtsSpeech;
import io.fastrtc.jakarta.handlers.speech.vosk.VoskSpeechToText;
import io.fastrtc.jakarta.testing.SpeechSynth;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Speech benchmark (prints figures; not a test, no server): Vosk's real-time factor and CPU per
 * second of audio streamed in 20 ms chunks, the time from the end of speech to the final
 * transcript, text-to-speech time to first audio (FreeTTS kevin16 and flite slt), and resident
 * memory per loaded model and per recognizer. It also measures the voice round trip with 1, 2, 4, 8
 * assistants in parallel ({@link VoiceRoundTrip}). Run with {@code bench/run-voice-bench.sh}.
 */
public final class SpeechBenchmark {
  private static final List<String> QUESTIONS =
      List.of(
          "computer, what time is it",
          "computer, what is the date today",
          "computer, what is seven times six",
          "computer, repeat after me the weather is fine",
          "computer, what is twelve plus nine",
          "computer, what day is it",
          "computer, what is one hundred divided by four",
          "computer, repeat after me good morning everyone",
          "computer, what is the time please",
          "computer, what is eight minus three",
          "computer, tell me the date",
          "computer, repeat after me the meeting starts soon",
          "computer, what is five times five",
          "computer, what time is it now",
          "computer, what is twenty plus twenty");

  private SpeechBenchmark() {}

  /** Runs the benchmark; the model folder is the system property fastrtc.speech.vosk.model. */
  public static void main(String[] args) throws Exception {
    SpeechSynth.requireTools();
    Path folder =
        Path.of(System.getProperty("fastrtc.speech.vosk.model", "target/vosk/model-en-us"));
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    long rss0 = rssKb();
    long t0 = System.nanoTime();
    try (VoskSpeechToText vosk = VoskSpeechToText.load(folder)) {
      long loadMs = (System.nanoTime() - t0) / 1_000_000;
      long rssModel = rssKb() - rss0;
      List<short[]> audio = new ArrayList<>();
      for (String q : QUESTIONS) {
        audio.add(SpeechSynth.say(q, "slt"));
      }
      // warm-up
      transcribe(vosk, audio.get(0), cpu);
      double audioSec = 0;
      double wallSec = 0;
      double cpuSec = 0;
      List<Double> finish = new ArrayList<>();
      for (short[] a : audio) {
        double[] r = transcribe(vosk, a, cpu);
        audioSec += a.length / 16_000.0;
        wallSec += r[0];
        cpuSec += r[1];
        finish.add(r[2]);
      }
      long rssBefore = rssKb();
      List<SpeechRecognition> open = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        SpeechRecognition rec = vosk.open(16_000);
        rec.accept(AudioFrame.mono(16_000, audio.get(0)));
        open.add(rec);
      }
      long perRecognizer = (rssKb() - rssBefore) / 10;
      for (SpeechRecognition rec : open) {
        rec.close();
      }
      FreeTtsSpeech freetts = FreeTtsSpeech.load();
      for (int k = 1; k <= 8; k *= 2) {
        List<Double> trips = VoiceRoundTrip.run(k, audio, vosk, freetts);
        System.out.printf(
            Locale.ROOT,
            "voice round trip (end of speech to first answer audio, FreeTTS), %d assistant(s) in"
                + " parallel, %d questions: p50 %.0f ms, p95 %.0f ms%n",
            k,
            trips.size(),
            pct(trips, 50),
            pct(trips, 95));
        if (pct(trips, 50) > 1000) {
          break;
        }
      }
      System.out.printf(
          Locale.ROOT,
          "machine: %d cores, load average %s (other engineers were building at the same time)%n",
          Runtime.getRuntime().availableProcessors(),
          Files.readString(Path.of("/proc/loadavg")).strip());
      System.out.printf(
          Locale.ROOT, "Vosk model load: %d ms, +%d MB resident%n", loadMs, rssModel / 1024);
      System.out.printf(
          Locale.ROOT,
          "Vosk STT over %d flite questions (%.1f s of audio, 20 ms chunks): real-time factor %.3f,"
              + " CPU %.0f ms per second of audio%n",
          audio.size(),
          audioSec,
          wallSec / audioSec,
          cpuSec * 1000 / audioSec);
      System.out.printf(
          Locale.ROOT,
          "end of speech to final transcript (finish()): p50 %.1f ms, p95 %.1f ms%n",
          pct(finish, 50),
          pct(finish, 95));
      System.out.printf(
          Locale.ROOT, "Vosk recognizer: +%d kB resident each (10 open)%n", perRecognizer);
    }
    ttfa("FreeTTS kevin16", FreeTtsSpeech.load());
    ttfa("flite slt (process)", new FliteSpeech().check());
  }

  private static void ttfa(String name, TextToSpeech tts) {
    tts.stream("Warm up.").next();
    List<Double> first = new ArrayList<>();
    for (String answer :
        List.of(
            "It is three thirty five in the morning.",
            "Today is Saturday, the fifth of December.",
            "Seven times six is forty two.",
            "The weather is fine.",
            "I can tell you the time or the date.")) {
      long s = System.nanoTime();
      var it = tts.stream(answer);
      it.next();
      first.add((System.nanoTime() - s) / 1e6);
      while (it.hasNext()) {
        it.next();
      }
    }
    System.out.printf(
        Locale.ROOT,
        "TTS %s: time to first audio p50 %.1f ms, max %.1f ms (5 answers)%n",
        name,
        pct(first, 50),
        pct(first, 100));
  }

  private static double[] transcribe(VoskSpeechToText vosk, short[] a, ThreadMXBean cpu) {
    long c0 = cpu.getCurrentThreadCpuTime();
    long w0 = System.nanoTime();
    double finishMs;
    try (SpeechRecognition rec = vosk.open(16_000)) {
      for (int from = 0; from < a.length; from += 320) {
        rec.accept(
            AudioFrame.mono(16_000, Arrays.copyOfRange(a, from, Math.min(a.length, from + 320))));
      }
      long f0 = System.nanoTime();
      rec.finish();
      finishMs = (System.nanoTime() - f0) / 1e6;
    }
    return new double[] {
      (System.nanoTime() - w0) / 1e9, (cpu.getCurrentThreadCpuTime() - c0) / 1e9, finishMs
    };
  }

  private static double pct(List<Double> values, int p) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(null);
    int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
  }

  private static long rssKb() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("\\D", ""));
      }
    }
    return 0;
  }
}
