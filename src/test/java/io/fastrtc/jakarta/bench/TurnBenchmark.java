package io.fastrtc.jakarta.bench;

import io.fastrtc.jakarta.bench.FastRtcChunkReference.Signal;
import io.fastrtc.jakarta.bench.TurnCorpus.Utterance;
import io.fastrtc.jakarta.handlers.turn.ChunkPauseDetector;
import io.fastrtc.jakarta.handlers.turn.TurnDetector;
import io.fastrtc.jakarta.handlers.turn.TurnOptions;
import io.fastrtc.jakarta.handlers.turn.TurnSignal;
import io.fastrtc.jakarta.handlers.turn.VoiceActivity;
import io.fastrtc.jakarta.handlers.turn.silero.SileroVad;
import io.fastrtc.jakarta.testing.SpeechSynth;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The turn-taking benchmark (prints figures, not a test): our streaming {@link TurnDetector}
 * against Python FastRTC's 0.6 s chunk algorithm ({@link FastRtcChunkReference}), both on the same
 * Silero v5 model and the same flite recordings ({@link TurnCorpus}). Audio goes in as the server
 * hands it to a handler, in 20 ms frames; a decision counts from the end of the frame that
 * completed its window or chunk, plus the measured time the model took for it. No server, no
 * network: what is measured is the turn logic and the model, not the transport.
 *
 * <p>Run: {@code bench/run-turn-bench.sh} (or {@code mvn -q -Pbench test-compile exec:exec
 * -Dbench.main=io.fastrtc.jakarta.bench.TurnBenchmark}).
 */
public final class TurnBenchmark {

  static final int SR = SpeechSynth.SAMPLE_RATE;
  static final int FRAME = SR / 50; // 20 ms
  static final double[] PAUSES_MS = {250, 300, 350, 400, 600};

  /** One recording as both detectors hear it. */
  record Take(Utterance utterance, short[] audio, double speechStartMs, double speechEndMs) {}

  /** Every decision of one run: times in ms from the start of the recording. */
  record Decisions(List<Double> started, List<Double> pauses) {}

  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private long ourCpuNanos;
  private long chunkCpuNanos;
  private double audioSeconds;

  public static void main(String[] args) {
    Locale.setDefault(Locale.ROOT);
    new TurnBenchmark().run();
  }

  private void run() {
    System.out.println("== machine ==");
    System.out.println(ProcStats.machineLine());
    System.out.println("load average: " + loadAverage());
    System.out.println("== corpus (flite, made now) ==");
    List<Utterance> corpus = TurnCorpus.make();
    List<Take> takes = takes(corpus);
    List<Integer> gaps = TurnCorpus.internalPausesMillis(corpus);
    System.out.printf(
        "%d utterances, %.1f s of speech; pauses inside utterances (>= 50 ms): %d, median %s ms,"
            + " max %s ms%n",
        corpus.size(),
        corpus.stream().mapToDouble(Utterance::seconds).sum(),
        gaps.size(),
        TurnStats.percentile(gaps.stream().map(Integer::doubleValue).toList(), 50),
        gaps.stream().mapToInt(Integer::intValue).max().orElse(0));

    try (SileroVad model = SileroVad.loadBundled()) {
      warmUp(model, takes);
      ourCpuNanos = 0;
      chunkCpuNanos = 0;
      audioSeconds = 0;
      List<double[]> probabilities = new ArrayList<>(); // per take: {decisionTimeMs, p} pairs
      List<Decisions> fastrtc = new ArrayList<>();
      for (Take take : takes) {
        audioSeconds += take.audio().length / (double) SR;
        probabilities.add(streamingProbabilities(model, take.audio()));
        fastrtc.add(chunkDecisions(model, take.audio()));
      }
      System.out.println();
      System.out.println(
          "| detector | end of turn p50 / p95 | barge-in p50 / p95 | false end-of-turn triggers"
              + " | missed turns | VAD CPU per s of audio |");
      System.out.println("|---|---|---|---|---|---|");
      for (double pause : PAUSES_MS) {
        TurnOptions options = TurnOptions.DEFAULTS.withPauseMillis(pause);
        List<Decisions> ours = new ArrayList<>();
        for (double[] p : probabilities) {
          ours.add(decisions(p, new TurnDetector(options)::onProbability));
        }
        row(
            String.format(
                "ours: windows of 32 ms, silence %.0f ms%s, speech %.0f ms",
                pause,
                pause == TurnOptions.DEFAULTS.pauseMillis() ? " (default)" : "",
                options.startSpeechMillis()),
            takes,
            ours,
            false,
            ourCpuNanos);
      }
      row(
          "FastRTC: 0.6 s chunks, AlgoOptions and SileroVadOptions defaults",
          takes,
          fastrtc,
          true,
          chunkCpuNanos);
      List<Decisions> compat = new ArrayList<>();
      for (double[] p : probabilities) {
        compat.add(decisions(p, new ChunkPauseDetector()::onProbability));
      }
      row(
          "cross-check: handlers.turn.ChunkPauseDetector on the streaming probabilities",
          takes,
          compat,
          true,
          ourCpuNanos);
      System.out.println();
      MemoryPerConnection.print(model);
    }
  }

  private static List<Take> takes(List<Utterance> corpus) {
    Random random = new Random(14);
    List<Take> out = new ArrayList<>();
    for (Utterance u : corpus) {
      double leadS = 0.8 + 0.6 * random.nextDouble(); // varies the window and chunk phase
      int lead = (int) Math.round(leadS * SR);
      short[] audio = new short[lead + u.audio().length + (int) (2.5 * SR)];
      System.arraycopy(u.audio(), 0, audio, lead, u.audio().length);
      for (int i = 0; i < audio.length; i++) { // -60 dBFS noise floor
        audio[i] = (short) Math.max(-32768, Math.min(32767, audio[i] + random.nextGaussian() * 33));
      }
      out.add(
          new Take(
              u,
              audio,
              (lead + u.speechStart()) * 1000.0 / SR,
              (lead + u.speechEnd()) * 1000.0 / SR));
    }
    return out;
  }

  private void warmUp(SileroVad model, List<Take> takes) {
    for (int i = 0; i < 3; i++) {
      streamingProbabilities(model, takes.get(i).audio());
      chunkDecisions(model, takes.get(i).audio());
    }
  }

  /** Our side, once per take: each window's probability and when it was known. */
  private double[] streamingProbabilities(SileroVad model, short[] audio) {
    int window = model.windowSamples();
    int windows = audio.length / window;
    double[] out = new double[2 * windows];
    try (VoiceActivity activity = model.open()) {
      for (int w = 0; w < windows; w++) {
        float[] samples = floats(audio, w * window, window);
        long cpu = threads.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        float p = activity.speechProbability(samples);
        double computeMs = (System.nanoTime() - wall) / 1e6;
        ourCpuNanos += threads.getCurrentThreadCpuTime() - cpu;
        int lastSample = (w + 1) * window;
        double frameEndMs = Math.ceil(lastSample / (double) FRAME) * FRAME * 1000.0 / SR;
        out[2 * w] = frameEndMs + computeMs;
        out[2 * w + 1] = p;
      }
    }
    return out;
  }

  /** A detector fed probabilities directly: {@code TurnDetector} or {@code ChunkPauseDetector}. */
  private interface OnProbability {
    TurnSignal onProbability(float probability, double windowMillis);
  }

  /** Runs a pause detector over one take's streaming probabilities. */
  private static Decisions decisions(double[] probabilities, OnProbability detector) {
    List<Double> started = new ArrayList<>();
    List<Double> pauses = new ArrayList<>();
    double windowMs = SileroVad.WINDOW_SAMPLES * 1000.0 / SR;
    for (int i = 0; i < probabilities.length; i += 2) {
      TurnSignal signal = detector.onProbability((float) probabilities[i + 1], windowMs);
      if (signal == TurnSignal.STARTED_TALKING) {
        started.add(probabilities[i]);
      } else if (signal == TurnSignal.PAUSE) {
        pauses.add(probabilities[i]);
      }
    }
    return new Decisions(started, pauses);
  }

  private Decisions chunkDecisions(SileroVad model, short[] audio) {
    FastRtcChunkReference fastrtc = new FastRtcChunkReference(model);
    List<Double> started = new ArrayList<>();
    List<Double> pauses = new ArrayList<>();
    for (int at = 0; at + FRAME <= audio.length; at += FRAME) {
      long cpu = threads.getCurrentThreadCpuTime();
      long wall = System.nanoTime();
      Signal signal = fastrtc.receive(floats(audio, at, FRAME));
      double computeMs = (System.nanoTime() - wall) / 1e6;
      chunkCpuNanos += threads.getCurrentThreadCpuTime() - cpu;
      double decidedMs = (at + FRAME) * 1000.0 / SR + computeMs;
      if (signal == Signal.STARTED_TALKING) {
        started.add(decidedMs);
      } else if (signal == Signal.PAUSE) {
        pauses.add(decidedMs);
      }
    }
    return new Decisions(started, pauses);
  }

  /**
   * One table row. End of turn: the first pause at or after the end of speech. False trigger: a
   * pause before it. Missed: no pause after it. Barge-in (a reply playing from the start, {@code
   * can_interrupt}): ours stops the reply at {@code STARTED_TALKING}, FastRTC at its next pause.
   */
  private void row(
      String name, List<Take> takes, List<Decisions> runs, boolean bargeInOnPause, long cpuNanos) {
    List<Double> endOfTurn = new ArrayList<>();
    List<Double> bargeIn = new ArrayList<>();
    int falseTriggers = 0;
    int missed = 0;
    for (int t = 0; t < takes.size(); t++) {
      Take take = takes.get(t);
      Decisions d = runs.get(t);
      Double end = null;
      for (double pause : d.pauses()) {
        if (pause < take.speechEndMs()) {
          falseTriggers++;
        } else if (end == null) {
          end = pause;
        }
      }
      if (end == null) {
        missed++;
      } else {
        endOfTurn.add(end - take.speechEndMs());
      }
      List<Double> stops = bargeInOnPause ? d.pauses() : d.started();
      stops.stream()
          .filter(s -> s >= take.speechStartMs())
          .findFirst()
          .ifPresent(s -> bargeIn.add(s - take.speechStartMs()));
    }
    System.out.printf(
        "| %s | %.0f / %.0f ms | %.0f / %.0f ms | %d | %d of %d | %.1f ms (%.2f %% of a core) |%n",
        name,
        TurnStats.percentile(endOfTurn, 50),
        TurnStats.percentile(endOfTurn, 95),
        TurnStats.percentile(bargeIn, 50),
        TurnStats.percentile(bargeIn, 95),
        falseTriggers,
        missed,
        takes.size(),
        cpuNanos / 1e6 / audioSeconds,
        cpuNanos / 1e7 / audioSeconds);
  }

  private static String loadAverage() {
    try {
      return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
    } catch (java.io.IOException e) {
      return "?";
    }
  }

  static float[] floats(short[] audio, int from, int count) {
    float[] out = new float[count];
    for (int i = 0; i < count && from + i < audio.length; i++) {
      out[i] = audio[from + i] / 32768f;
    }
    return out;
  }
}
