package io.fastrtc.jakarta.it.embedded;

import io.fastrtc.jakarta.api.InvalidInputsException;
import io.fastrtc.jakarta.api.OutputEvent;
import io.fastrtc.jakarta.api.OutputSubscriber;
import io.fastrtc.jakarta.api.OutputSubscription;
import io.fastrtc.jakarta.api.StreamConnections;
import io.fastrtc.jakarta.api.UnknownConnectionException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * The user's own routes, beside FastRTC's: {@code POST /api/my-app/volume?webrtc_id=&value=} sets
 * the input programmatically; {@code GET /api/my-app/outputs?webrtc_id=} returns the outputs kept
 * so far as text.
 */
@Path("my-app")
@RequestScoped
public class VolumeRoute {
  @Inject StreamConnections connections;

  /** Sets the volume; 400 with the reason when refused, 404 for an unknown id. */
  @POST
  @Path("volume")
  @Produces(MediaType.TEXT_PLAIN)
  public Response volume(@QueryParam("webrtc_id") String id, @QueryParam("value") double value) {
    try {
      Map<String, Object> now = connections.setInput(id, Map.of("volume", value));
      return Response.ok("volume=" + now.get("volume")).build();
    } catch (InvalidInputsException e) {
      return Response.status(400).entity(e.getMessage()).build();
    } catch (UnknownConnectionException e) {
      return Response.status(404).entity(e.getMessage()).build();
    }
  }

  /** Every output the connection still keeps, comma-separated (collected for half a second). */
  @GET
  @Path("outputs")
  @Produces(MediaType.TEXT_PLAIN)
  public String outputs(@QueryParam("webrtc_id") String id) throws InterruptedException {
    List<Object> values = new CopyOnWriteArrayList<>();
    OutputSubscriber subscriber = (OutputEvent event) -> values.addAll(event.values());
    OutputSubscription subscription = connections.subscribe(id, 0, subscriber);
    try {
      Thread.sleep(500);
    } finally {
      subscription.close();
    }
    return values.stream().map(String::valueOf).collect(Collectors.joining(","));
  }
}
