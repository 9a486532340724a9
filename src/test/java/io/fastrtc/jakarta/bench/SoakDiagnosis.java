package io.fastrtc.jakarta.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds which kind of cycle leaks: {@code -Dsoak.plan=websocket:100,webrtc-close:100,...} runs each
 * phase's cycles of one kind only against the same server, waits for the reaping, and prints the
 * server's memory after each phase (native memory split as in the soak's table; the NMT figures
 * need the server started with {@code -XX:NativeMemoryTracking=summary}) and the classes whose live
 * instances grew during it (FastRTC's, Liberty's scheduled tasks).
 */
final class SoakDiagnosis {
  private SoakDiagnosis() {}

  static void run(String plan, String url, long pid, int parallel, double seconds, int reapWait)
      throws InterruptedException {
    SoakProbe probe = new SoakProbe(pid, new BenchHttp(url));
    // a first mixed round, so that every class involved is loaded before the first histogram
    try (SoakRounds rounds = new SoakRounds(url, parallel, seconds)) {
      rounds.round(0);
      SoakBenchmark.reap(probe, reapWait);
      SoakHistogram before = SoakHistogram.take(pid);
      int r = 1;
      for (String phase : plan.split(",")) {
        String[] f = phase.split(":");
        int cycles = Integer.parseInt(f[1]);
        List<String> failures = new ArrayList<>();
        for (int done = 0; done < cycles; done += parallel, r++) {
          for (SoakRounds.Outcome o : rounds.round(r, f[0])) {
            if (o.failure() != null) {
              failures.add(o.failure());
            }
          }
        }
        double reap = SoakBenchmark.reap(probe, reapWait);
        SoakHistogram after = SoakHistogram.take(pid);
        SoakProbe.Reading reading = probe.read(true);
        System.out.printf(
            "%nphase %s: %d cycles, %d failed, reaped in %.1f s, threads %d, fds %d; MB: RSS %.1f,"
                + " outside the heap after trim %.1f, NMT outside the heap %.1f, not in NMT %.1f;"
                + " grew:%n",
            f[0],
            cycles,
            failures.size(),
            reap,
            reading.threads(),
            reading.fds(),
            reading.rssKb() / 1024.0,
            reading.outsideHeapTrimmedKb() / 1024.0,
            reading.nmtOutsideHeapKb() / 1024.0,
            reading.untrackedKb() / 1024.0);
        SoakBenchmark.summarise(failures);
        after.printCountGrowthSince(before, "fastrtc", 12);
        after.printCountGrowthSince(before, "ScheduledTask", 3);
        after.printCountGrowthSince(before, "ScheduledFutureTask", 3);
        before = after;
      }
    }
  }
}
