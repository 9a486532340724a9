package io.fastrtc.jakarta.it.drills;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** {@code GET /api/drill-probe/{stream}}: the counters of a drill stream. */
@Path("drill-probe")
public class DrillProbe {

  /** {@code {"starts":n,"shutdowns":m,"hangStartedMillis":t,"interrupted":i}}. */
  @GET
  @Path("{stream}")
  @Produces(MediaType.APPLICATION_JSON)
  public Map<String, Long> counts(@PathParam("stream") String stream) {
    return Map.of(
        "starts", DrillCounters.get(stream, "starts"),
        "shutdowns", DrillCounters.get(stream, "shutdowns"),
        "hangStartedMillis", DrillCounters.get(stream, "hangStartedMillis"),
        "interrupted", DrillCounters.get(stream, "interrupted"),
        "shutdownsAfterHang", DrillCounters.get(stream, "shutdownsAfterHang"));
  }
}
