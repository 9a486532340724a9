package io.fastrtc.jakarta.web.operations;

import io.fastrtc.jakarta.runtime.FastRtcEngine;
import io.fastrtc.jakarta.runtime.stream.StreamCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * {@code /health/ready}: DOWN while libwebrtc is not loaded, while the server drains, or when every
 * stream is at its concurrency limit.
 */
@Readiness
@ApplicationScoped
public class ReadinessCheck implements HealthCheck {
  @Inject FastRtcEngine engine;
  @Inject StreamCatalog catalog;

  @Override
  public HealthCheckResponse call() {
    return HealthResponses.of("fastrtc-ready", engine.health().readiness(catalog.all()));
  }
}
