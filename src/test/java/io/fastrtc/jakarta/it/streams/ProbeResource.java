package io.fastrtc.jakarta.it.streams;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code GET /api/it-probe/{stream}}: lifecycle counters of a test stream; {@code GET
 * /api/it-probe/outputs/{id}}: the additional outputs a connection delivered.
 */
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

  /** The outputs recorded for a connection, in order; empty when none. */
  @GET
  @Path("outputs/{id}")
  @Produces(MediaType.APPLICATION_JSON)
  public List<Object> outputs(@PathParam("id") String id) {
    return OutputProbe.OUTPUTS.getOrDefault(id, List.of());
  }
}
