package io.fastrtc.jakarta.web.rest;

import io.fastrtc.jakarta.api.StreamConnections;
import io.fastrtc.jakarta.runtime.FastRtcEngine;
import io.fastrtc.jakarta.runtime.stream.StreamCatalog;
import io.fastrtc.jakarta.runtime.wire.Routes;
import io.fastrtc.jakarta.web.security.Callers;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * The routes of one named stream: {@code POST /streams/{name}/webrtc/offer}, {@code POST
 * /streams/{name}/input_hook} and {@code GET /streams/{name}/outputs?webrtc_id=} (which answer only
 * for connections of that stream).
 */
@Path("streams/{name}")
@RequestScoped
public class StreamOfferResource {
  @Inject FastRtcEngine runtime;
  @Inject StreamCatalog catalog;
  @Inject StreamConnections connections;
  @Inject Callers callers;
  @Context HttpServletRequest request;

  /** An offer or a trickled candidate for the named stream. */
  @POST
  @Path("webrtc/offer")
  @Produces(MediaType.APPLICATION_JSON)
  public Response offer(@PathParam("name") String name, InputStream body) throws IOException {
    return Signalling.handle(
        runtime, catalog.find(name), "stream '" + name + "'", body, callers, request);
  }

  /** Sets inputs of a live connection of the named stream. */
  @POST
  @Path(Routes.INPUT_HOOK)
  @Produces(MediaType.APPLICATION_JSON)
  public Response inputHook(@PathParam("name") String name, InputStream body) throws IOException {
    return InputHook.handle(mine(), Optional.of(name), body, new ClusterRoute(runtime, request));
  }

  /** Streams the outputs of a live connection of the named stream. */
  @GET
  @Path(Routes.OUTPUTS)
  @Produces(MediaType.SERVER_SENT_EVENTS)
  public void outputs(
      @PathParam("name") String name,
      @QueryParam(Routes.WEBRTC_ID) String webrtcId,
      @HeaderParam(HttpHeaders.LAST_EVENT_ID_HEADER) String lastEventId,
      @Context SseEventSink sink,
      @Context Sse sse) {
    OutputStreams.open(
        mine(),
        Optional.of(name),
        webrtcId,
        lastEventId,
        sink,
        sse,
        new ClusterRoute(runtime, request));
  }

  /** The caller's connections: all without single sign-on. */
  private StreamConnections mine() {
    return callers.view(connections, callers.of(request));
  }
}
