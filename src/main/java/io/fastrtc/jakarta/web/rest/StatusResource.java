package io.fastrtc.jakarta.web.rest;

import io.fastrtc.jakarta.runtime.FastRtcEngine;
import io.fastrtc.jakarta.runtime.wire.ErrorCode;
import io.fastrtc.jakarta.runtime.wire.SignalResponse;
import io.fastrtc.jakarta.web.security.Callers;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /api/status}: whether WebRTC works, live connections, runtime counters and the server
 * process's CPU time (used by the benchmark); {@code POST /api/status/reset} clears the counters
 * (under single sign-on an operator route: 403 without the operator role).
 */
@Path("status")
@RequestScoped
public class StatusResource {
  @Inject FastRtcEngine runtime;
  @Inject Callers callers;
  @Context HttpServletRequest request;

  /** The status. */
  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Map<String, Object> status() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(
        "webrtc", runtime.unavailableReason() == null ? "available" : runtime.unavailableReason());
    m.put("connections", runtime.registry().all().size());
    m.put("nativePeers", runtime.nativePeers());
    m.put("nativePeersCreated", runtime.nativePeersCreated());
    m.putAll(runtime.metrics().snapshot());
    m.put("processCpuMillis", processCpuMillis());
    m.put("availableProcessors", Runtime.getRuntime().availableProcessors());
    return m;
  }

  /** CPU time the whole server process has used so far, or -1 where the JVM does not say. */
  private static long processCpuMillis() {
    return ManagementFactory.getOperatingSystemMXBean()
            instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime() / 1_000_000
        : -1;
  }

  /** Clears the counters. */
  @POST
  @Path("reset")
  @Produces(MediaType.APPLICATION_JSON)
  public Map<String, Object> reset() {
    if (!callers.access().isOperator(callers.of(request))) {
      throw new WebApplicationException(
          Bodies.toResponse(
              SignalResponse.rejected(
                  403, ErrorCode.FORBIDDEN, "resetting the counters needs the operator role")));
    }
    runtime.metrics().reset();
    return status();
  }
}
