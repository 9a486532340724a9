package io.fastrtc.jakarta.web.rest;

import io.fastrtc.jakarta.runtime.cdi.FastRtcRuntime;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /api/status}: whether WebRTC works, live connections and runtime counters (used by the
 * benchmark); {@code POST /api/status/reset} clears the counters.
 */
@Path("status")
@RequestScoped
public class StatusResource {
  @Inject FastRtcRuntime runtime;

  /** The status. */
  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Map<String, Object> status() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(
        "webrtc", runtime.unavailableReason() == null ? "available" : runtime.unavailableReason());
    m.put("connections", runtime.registry().all().size());
    m.putAll(runtime.metrics().snapshot());
    return m;
  }

  /** Clears the counters. */
  @POST
  @Path("reset")
  @Produces(MediaType.APPLICATION_JSON)
  public Map<String, Object> reset() {
    runtime.metrics().reset();
    return status();
  }
}
