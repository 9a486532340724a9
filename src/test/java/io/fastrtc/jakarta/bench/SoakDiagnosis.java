package io.fastrtc.jakarta.bench;

/**
 * Finds which kind of cycle leaks: {@code -Dsoak.plan=websocket:100,webrtc-close:100,...} runs each
 * phase's cycles of one kind only against the same server, waits for the reaping, and prints the
 * classes whose live instances grew during that phase (FastRTC's, Liberty's scheduled tasks).
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
        int failed = 0;
        for (int done = 0; done < cycles; done += parallel, r++) {
          for (SoakRounds.Outcome o : rounds.round(r, f[0])) {
            if (o.failure() != null) {
              failed++;
            }
          }
        }
        double reap = SoakBenchmark.reap(probe, reapWait);
        SoakHistogram after = SoakHistogram.take(pid);
        SoakProbe.Reading reading = probe.read(false);
        System.out.printf(
            "%nphase %s: %d cycles, %d failed, reaped in %.1f s, threads %d, fds %d; grew:%n",
            f[0], cycles, failed, reap, reading.threads(), reading.fds());
        after.printCountGrowthSince(before, "fastrtc", 12);
        after.printCountGrowthSince(before, "ScheduledTask", 3);
        after.printCountGrowthSince(before, "ScheduledFutureTask", 3);
        before = after;
      }
    }
  }
}
