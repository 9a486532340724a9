package io.fastrtc.jakarta.web.rest;

import io.fastrtc.jakarta.api.StreamConnections;
import io.fastrtc.jakarta.runtime.FastRtcEngine;
import io.fastrtc.jakarta.runtime.wire.Routes;
import io.fastrtc.jakarta.web.security.Callers;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.Optional;

/**
 * {@code GET /outputs?webrtc_id=}: FastRTC's output convention, a Server-Sent Events stream of a
 * connection's additional outputs ({@code event: output}, JSON data). Any number of subscribers per
 * connection; each gets every output in order; the stream ends when the connection closes.
 */
@Path(Routes.OUTPUTS)
@RequestScoped
public class OutputsResource {
  @Inject FastRtcEngine runtime;
  @Inject StreamConnections connections;
  @Inject Callers callers;
  @Context HttpServletRequest request;

  /** Streams the outputs of a live connection. */
  @GET
  @Produces(MediaType.SERVER_SENT_EVENTS)
  public void outputs(
      @QueryParam(Routes.WEBRTC_ID) String webrtcId,
      @HeaderParam(HttpHeaders.LAST_EVENT_ID_HEADER) String lastEventId,
      @Context SseEventSink sink,
      @Context Sse sse) {
    OutputStreams.open(
        callers.view(connections, callers.of(request)),
        Optional.empty(),
        webrtcId,
        lastEventId,
        sink,
        sse,
        new ClusterRoute(runtime, request));
  }
}
