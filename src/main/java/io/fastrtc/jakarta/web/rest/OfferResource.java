package io.fastrtc.jakarta.web.rest;

import io.fastrtc.jakarta.runtime.FastRtcEngine;
import io.fastrtc.jakarta.runtime.stream.StreamCatalog;
import io.fastrtc.jakarta.web.security.Callers;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;

/** {@code POST /webrtc/offer}: FastRTC's signalling route, for the default stream. */
@Path("webrtc")
@RequestScoped
public class OfferResource {
  @Inject FastRtcEngine runtime;
  @Inject StreamCatalog catalog;
  @Inject Callers callers;
  @Context HttpServletRequest request;

  /** An offer or a trickled candidate for the default stream. */
  @POST
  @Path("offer")
  @Produces(MediaType.APPLICATION_JSON)
  public Response offer(InputStream body) throws IOException {
    return Signalling.handle(
        runtime, catalog.defaultStream(), "default stream", body, callers, request);
  }
}
