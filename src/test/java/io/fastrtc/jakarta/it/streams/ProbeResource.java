package io.fastrtc.jakarta.it.streams;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** {@code GET /api/it-probe/{stream}}: lifecycle counters of a test stream. */
@Path("it-probe")
public class ProbeResource {

  /** {@code {"starts":n,"shutdowns":m}}. */
  @GET
  @Path("{stream}")
  @Produces(MediaType.APPLICATION_JSON)
  public Map<String, Integer> counts(@PathParam("stream") String stream) {
    return Map.of(
        "starts", Lifecycle.STARTS.getOrDefault(stream, new AtomicInteger()).get(),
        "shutdowns", Lifecycle.SHUTDOWNS.getOrDefault(stream, new AtomicInteger()).get());
  }
}
