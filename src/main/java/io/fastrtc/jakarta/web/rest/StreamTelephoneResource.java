package io.fastrtc.jakarta.web.rest;

import io.fastrtc.jakarta.runtime.FastRtcEngine;
import io.fastrtc.jakarta.runtime.stream.StreamCatalog;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

/** {@code POST /streams/{name}/telephone/incoming}: the voice webhook of one named stream. */
@Path("streams/{name}/telephone")
@RequestScoped
public class StreamTelephoneResource {
  @Inject FastRtcEngine runtime;
  @Inject StreamCatalog catalog;
  @Context HttpServletRequest request;

  /** The webhook; the TwiML points at {@code /streams/{name}/telephone/handler}. */
  @POST
  @Path("incoming")
  public Response incoming(@PathParam("name") String name) {
    return Webhook.answer(runtime, catalog.find(name), false, "stream '" + name + "'", request);
  }
}
