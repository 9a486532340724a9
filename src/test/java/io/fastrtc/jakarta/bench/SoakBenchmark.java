package io.fastrtc.jakarta.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The soak and leak check (bench/run-soak.sh starts the server): {@code soak.cycles} connect,
 * stream, drop cycles, {@code soak.parallel} at a time, half WebRTC and half WebSocket, half
 * closing properly and half vanishing without a word, each checking that the echo carries the tone.
 * It prints the server's RSS (also after glibc's trim, and the JVM's own native memory when Native
 * Memory Tracking is on), heap after GC, threads, open file descriptors and native peer connections
 * before, every {@code soak.every} cycles (once the vanished clients have been reaped) and after,
 * and a verdict on growth after the warm-up ({@code soak.warmup} cycles). Figures only: the verdict
 * is printed, nothing is asserted.
 */
public final class SoakBenchmark {
  /** The echo's last 0.5 s must have at least this RMS (the sent tone has about 5,600-7,000). */
  static final double MIN_ECHO_RMS = 1000;

  private SoakBenchmark() {}

  /** Runs the soak against {@code -Dbench.url} whose server process is {@code -Dbench.pid}. */
  public static void main(String[] args) throws Exception {
    String url = System.getProperty("bench.url", "http://localhost:9361");
    long pid = Long.parseLong(System.getProperty("bench.pid", "0"));
    int cycles = Integer.getInteger("soak.cycles", 1000);
    int parallel = Integer.getInteger("soak.parallel", 10);
    int every = Integer.getInteger("soak.every", 100);
    int warmup = Integer.getInteger("soak.warmup", 200);
    double seconds = Double.parseDouble(System.getProperty("soak.seconds", "1.5"));
    int reapWait = Integer.getInteger("soak.reapWait", 90);
    if (pid <= 0) {
      pid = ProcStats.pidListeningOn(java.net.URI.create(url).getPort()).orElseThrow();
    }
    System.out.println(ProcStats.machineLine());
    String plan = System.getProperty("soak.plan", "");
    if (!plan.isBlank()) {
      SoakDiagnosis.run(plan, url, pid, parallel, seconds, reapWait);
      System.exit(0);
    }
    System.out.printf(
        "soak: %d cycles, %d at a time (half WebRTC, half WebSocket; half closing, half"
            + " vanishing), %.1f s of tone each, against %s (server pid %d)%n",
        cycles, parallel, seconds, url, pid);
    SoakProbe probe = new SoakProbe(pid, new BenchHttp(url));
    SoakTable table = new SoakTable(warmup);
    table.header();
    table.row("before", 0, probe.read(true), "-", 0, 0);
    Map<String, Integer> byKind = new TreeMap<>();
    Map<String, Integer> failedByKind = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    SoakHistogram atWarmup = null;
    SoakHistogram atEnd = null;
    boolean nmtBaseline = false;
    long t0 = System.nanoTime();
    try (SoakRounds rounds = new SoakRounds(url, parallel, seconds)) {
      for (int r = 0; r * parallel < cycles; r++) {
        for (SoakRounds.Outcome o : rounds.round(r)) {
          byKind.merge(o.kind(), 1, Integer::sum);
          if (o.failure() != null) {
            failedByKind.merge(o.kind(), 1, Integer::sum);
            failures.add(o.failure());
          }
        }
        int done = (r + 1) * parallel;
        if (done % every == 0 || done >= cycles) {
          long[] live = probe.live();
          String atCheckpoint = live[0] + "/" + live[1];
          double reap = reap(probe, reapWait);
          String phase = done >= cycles ? "after" : "during";
          table.row(phase, done, probe.read(true), atCheckpoint, reap, failures.size());
          if (atWarmup == null && done >= warmup) {
            atWarmup = SoakHistogram.take(pid);
            nmtBaseline = SoakNativeMemory.baseline(pid);
          } else if (done >= cycles) {
            atEnd = SoakHistogram.take(pid);
          }
        }
      }
    }
    double minutes = (System.nanoTime() - t0) / 60e9;
    System.out.printf(
        "%ncycles run: %s in %.1f min; failed: %d %s%n",
        byKind, minutes, failures.size(), failedByKind);
    summarise(failures);
    table.verdict();
    if (atWarmup != null && atEnd != null) {
      System.out.printf(
          "%nlive objects that grew most from the warm-up to the end (jcmd GC.class_histogram):%n");
      atEnd.printGrowthSince(atWarmup, 15);
    }
    if (nmtBaseline) {
      SoakNativeMemory.printChangeSinceBaseline(pid);
    }
    System.exit(0); // the client's libwebrtc threads would keep the JVM alive
  }

  /** Waits until the server has no connection and no native peer left; seconds waited. */
  static double reap(SoakProbe probe, int maxSeconds) throws InterruptedException {
    long t0 = System.nanoTime();
    while (System.nanoTime() - t0 < maxSeconds * 1_000_000_000L) {
      long[] live = probe.live();
      if (live[0] == 0 && live[1] == 0) {
        break;
      }
      Thread.sleep(250);
    }
    return (System.nanoTime() - t0) / 1e9;
  }

  /** Prints the failures counted by message (its first 120 characters). */
  static void summarise(List<String> failures) {
    Map<String, Integer> byMessage = new TreeMap<>();
    for (String f : failures) {
      String key = f.length() > 120 ? f.substring(0, 120) : f;
      byMessage.merge(key, 1, Integer::sum);
    }
    byMessage.forEach((m, n) -> System.out.printf("  %4d x %s%n", n, m));
  }
}
