package io.fastrtc.jakarta.web.rest;

import io.fastrtc.jakarta.runtime.cdi.FastRtcRuntime;
import io.fastrtc.jakarta.runtime.cdi.StreamCatalog;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;

/** {@code POST /streams/{name}/webrtc/offer}: the signalling route of one named stream. */
@Path("streams/{name}")
@RequestScoped
public class StreamOfferResource {
  @Inject FastRtcRuntime runtime;
  @Inject StreamCatalog catalog;

  /** An offer or a trickled candidate for the named stream. */
  @POST
  @Path("webrtc/offer")
  @Produces(MediaType.APPLICATION_JSON)
  public Response offer(@PathParam("name") String name, InputStream body) throws IOException {
    return Signalling.handle(runtime, catalog.find(name), "stream '" + name + "'", body);
  }
}
