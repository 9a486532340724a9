package io.fastrtc.jakarta.bench;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;

/**
 * Live objects per class on the server ({@code jcmd <pid> GC.class_histogram}, which collects
 * first), to name what grows when the heap after GC does.
 */
final class SoakHistogram {
  private final Map<String, long[]> byClass;

  private SoakHistogram(Map<String, long[]> byClass) {
    this.byClass = byClass;
  }

  /** Takes the histogram of {@code pid}; empty when jcmd fails. */
  static SoakHistogram take(long pid) {
    Map<String, long[]> m = new HashMap<>();
    for (String line : Jcmd.run(pid, "GC.class_histogram").split("\n")) {
      String[] f = line.trim().split("\\s+");
      // "   1:   123456   7890123  java.lang.String (java.base@17)"
      if (f.length >= 4 && f[0].endsWith(":")) {
        try {
          m.put(f[3], new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])});
        } catch (NumberFormatException e) {
          // header or total line
        }
      }
    }
    return new SoakHistogram(m);
  }

  /**
   * Prints the {@code top} classes whose live instances grew most since {@code earlier} among those
   * whose names contain {@code filter}.
   */
  void printCountGrowthSince(SoakHistogram earlier, String filter, int top) {
    byClass.entrySet().stream()
        .filter(e -> e.getKey().contains(filter))
        .map(
            e ->
                Map.entry(
                    e.getKey(),
                    e.getValue()[0]
                        - earlier.byClass.getOrDefault(e.getKey(), new long[] {0, 0})[0]))
        .filter(e -> e.getValue() != 0)
        .sorted(Comparator.comparingLong((Map.Entry<String, Long> e) -> -e.getValue()))
        .limit(top)
        .forEach(e -> System.out.printf("  %+8d objects  %s%n", e.getValue(), e.getKey()));
  }

  /** Prints the {@code top} classes whose live bytes grew most since {@code earlier}. */
  void printGrowthSince(SoakHistogram earlier, int top) {
    if (byClass.isEmpty() || earlier.byClass.isEmpty()) {
      System.out.println("  (no class histogram: jcmd failed)");
      return;
    }
    byClass.entrySet().stream()
        .map(
            e -> {
              long[] was = earlier.byClass.getOrDefault(e.getKey(), new long[] {0, 0});
              return Map.entry(
                  e.getKey(), new long[] {e.getValue()[0] - was[0], e.getValue()[1] - was[1]});
            })
        .sorted(Comparator.comparingLong((Map.Entry<String, long[]> e) -> -e.getValue()[1]))
        .limit(top)
        .forEach(
            e ->
                System.out.printf(
                    "  %+10d bytes %+8d objects  %s%n",
                    e.getValue()[1], e.getValue()[0], e.getKey()));
  }
}
