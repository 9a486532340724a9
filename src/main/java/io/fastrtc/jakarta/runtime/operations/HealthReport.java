package io.fastrtc.jakarta.runtime.operations;

import java.util.Map;

/**
 * One health decision and what it was based on.
 *
 * @param up whether the check passes
 * @param data the figures behind it, shown by {@code /health}
 */
public record HealthReport(boolean up, Map<String, Object> data) {
  /** Copies {@code data}. */
  public HealthReport {
    data = Map.copyOf(data);
  }
}
