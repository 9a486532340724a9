package io.fastrtc.jakarta.web.operations;

import io.fastrtc.jakarta.runtime.FastRtcEngine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** {@code /health/live}: DOWN when the audio clock that paces every connection has stalled. */
@Liveness
@ApplicationScoped
public class LivenessCheck implements HealthCheck {
  @Inject FastRtcEngine engine;

  @Override
  public HealthCheckResponse call() {
    return HealthResponses.of("fastrtc-alive", engine.health().liveness());
  }
}
