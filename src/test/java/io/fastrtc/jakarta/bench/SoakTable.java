package io.fastrtc.jakarta.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * The soak's table of readings and its verdict: after the warm-up, does anything grow steadily? The
 * rules (printed with the verdict): heap after GC and metaspace grow less than 1 MB per 100 cycles
 * (least-squares slope over the readings from the warm-up on), RSS outside the Java heap (before
 * and after glibc's trim) and the JVM's native memory (when NMT is on) less than 2 MB per 100
 * cycles; threads end at most 2 and file descriptors at most 4 above the warm-up reading; no
 * connection and no native peer is left at the end. The whole RSS is shown, not judged: G1 sizes
 * the committed heap itself.
 */
final class SoakTable {
  private record Row(String phase, int cycles, SoakProbe.Reading r) {}

  private final int warmup;
  private final List<Row> rows = new ArrayList<>();

  SoakTable(int warmup) {
    this.warmup = warmup;
  }

  void header() {
    System.out.printf(
        "%n%-7s %6s %7s %7s %7s %7s %7s %8s %9s %8s %7s %5s %11s %7s %7s %6s%n",
        "phase",
        "cycles",
        "RSS MB",
        "in heap",
        "other",
        "trimmed",
        "NMT out",
        "heap MB",
        "committed",
        "meta MB",
        "threads",
        "fds",
        "live→reaped",
        "reap s",
        "created",
        "failed");
  }

  /**
   * Prints a reading taken once the vanished clients were reaped.
   *
   * @param live connections/native peers when the cycles stopped, before reaping
   * @param reapSeconds how long the reaping took
   * @param failed failed cycles so far
   */
  void row(
      String phase, int cycles, SoakProbe.Reading r, String live, double reapSeconds, int failed) {
    rows.add(new Row(phase, cycles, r));
    System.out.printf(
        "%-7s %6d %7.1f %7.1f %7.1f %7.1f %7.1f %8.1f %9.1f %8.1f %7d %5d %11s %7.1f %7d %6d%n",
        phase,
        cycles,
        r.rssKb() / 1024.0,
        r.heapRssKb() / 1024.0,
        r.outsideHeapKb() / 1024.0,
        r.outsideHeapTrimmedKb() / 1024.0,
        r.nmtOutsideHeapKb() / 1024.0,
        r.heapKb() / 1024.0,
        r.heapCommittedKb() / 1024.0,
        r.metaKb() / 1024.0,
        r.threads(),
        r.fds(),
        live + "→" + r.connections() + "/" + r.nativePeers(),
        reapSeconds,
        r.peersCreated(),
        failed);
  }

  /** Prints each measure's change after the warm-up and the verdict line. */
  void verdict() {
    List<Row> steady = rows.stream().filter(x -> x.cycles() >= warmup).toList();
    if (steady.size() < 2) {
      System.out.println("verdict: not enough readings after the warm-up");
      return;
    }
    Row base = steady.get(0);
    Row end = steady.get(steady.size() - 1);
    System.out.printf(
        "%nafter the warm-up (%d cycles) to the end (%d cycles):%n", base.cycles(), end.cycles());
    List<String> grows = new ArrayList<>();
    // RSS and its heap part are shown, not judged: G1 sizes the committed heap itself (up to -Xmx)
    // and its pages become resident as it first uses them; the heap is judged by its live objects
    // (heap after GC), the rest of the process by its RSS outside the heap
    slopeCheck("RSS", steady, SoakProbe.Reading::rssKb, Double.NaN, grows);
    slopeCheck("RSS in the heap", steady, SoakProbe.Reading::heapRssKb, Double.NaN, grows);
    slopeCheck("RSS outside it", steady, SoakProbe.Reading::outsideHeapKb, 2.0, grows);
    slopeCheck("  after trim", steady, SoakProbe.Reading::outsideHeapTrimmedKb, 2.0, grows);
    if (end.r().nmtKb() >= 0) {
      slopeCheck("NMT outside heap", steady, SoakProbe.Reading::nmtOutsideHeapKb, 2.0, grows);
      slopeCheck("  of it malloc", steady, SoakProbe.Reading::nmtMallocKb, 1.0, grows);
      // an estimate (committed and resident pages differ), so shown only
      slopeCheck("not in NMT", steady, SoakProbe.Reading::untrackedKb, Double.NaN, grows);
    }
    slopeCheck("heap after GC", steady, SoakProbe.Reading::heapKb, 1.0, grows);
    slopeCheck("metaspace", steady, SoakProbe.Reading::metaKb, 1.0, grows);
    limitCheck("threads", base, end, SoakProbe.Reading::threads, 2, grows);
    limitCheck("open fds", base, end, SoakProbe.Reading::fds, 4, grows);
    limitCheck("live connections", null, end, SoakProbe.Reading::connections, 0, grows);
    limitCheck("native peers", null, end, SoakProbe.Reading::nativePeers, 0, grows);
    System.out.println(
        "rules: heap after GC and metaspace slope < 1 MB/100 cycles, RSS outside the Java heap"
            + " (before and after the trim) and the JVM's native memory < 2 MB/100 cycles, its"
            + " malloc < 1; threads +2 and fds +4 at most; 0 connections and 0 native peers at the"
            + " end");
    System.out.println(
        grows.isEmpty()
            ? "verdict: no steady growth after the warm-up"
            : "verdict: GROWTH after the warm-up in " + String.join(", ", grows));
  }

  /** Least-squares slope per 100 cycles against {@code maxMb}; NaN: printed, not judged. */
  private static void slopeCheck(
      String name,
      List<Row> rows,
      ToLongFunction<SoakProbe.Reading> f,
      double maxMb,
      List<String> grows) {
    double n = rows.size();
    double sx = 0;
    double sy = 0;
    double sxx = 0;
    double sxy = 0;
    for (Row row : rows) {
      double x = row.cycles() / 100.0;
      double y = f.applyAsLong(row.r()) / 1024.0;
      sx += x;
      sy += y;
      sxx += x * x;
      sxy += x * y;
    }
    double slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
    double first = f.applyAsLong(rows.get(0).r()) / 1024.0;
    double last = f.applyAsLong(rows.get(rows.size() - 1).r()) / 1024.0;
    boolean ok = Double.isNaN(maxMb) || slope < maxMb;
    System.out.printf(
        "  %-16s %8.1f → %8.1f MB (%+.1f), slope %+.2f MB per 100 cycles: %s%n",
        name,
        first,
        last,
        last - first,
        slope,
        Double.isNaN(maxMb) ? "shown, not judged" : ok ? "ok" : "GROWS");
    if (!ok) {
      grows.add(name);
    }
  }

  private static void limitCheck(
      String name,
      Row base,
      Row end,
      ToLongFunction<SoakProbe.Reading> f,
      long allowed,
      List<String> grows) {
    long from = base == null ? 0 : f.applyAsLong(base.r());
    long to = f.applyAsLong(end.r());
    boolean ok = to >= 0 && to - from <= allowed;
    System.out.printf(
        "  %-16s %8d → %8d (%+d): %s%n", name, from, to, to - from, ok ? "ok" : "GROWS");
    if (!ok) {
      grows.add(name);
    }
  }
}
