package io.fastrtc.jakarta.web.operations;

import io.fastrtc.jakarta.runtime.operations.HealthReport;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/** A {@link HealthReport} as MicroProfile Health's response. */
final class HealthResponses {
  private HealthResponses() {}

  static HealthCheckResponse of(String name, HealthReport report) {
    HealthCheckResponseBuilder builder = HealthCheckResponse.named(name).status(report.up());
    for (Map.Entry<String, Object> e : report.data().entrySet()) {
      Object v = e.getValue();
      if (v instanceof Boolean b) {
        builder.withData(e.getKey(), b);
      } else if (v instanceof Number n) {
        builder.withData(e.getKey(), n.longValue());
      } else {
        builder.withData(e.getKey(), String.valueOf(v));
      }
    }
    return builder.build();
  }
}
