package io.fastrtc.jakarta.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Percentiles for the turn benchmark (nearest rank). */
final class TurnStats {
  private TurnStats() {}

  /** The p-th percentile by nearest rank, or NaN for no values. */
  static double percentile(List<Double> values, double p) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int rank = (int) Math.ceil(p / 100 * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
  }
}
