package io.fastrtc.jakarta.web.rest;

import io.fastrtc.jakarta.api.StreamConnections;
import io.fastrtc.jakarta.runtime.FastRtcEngine;
import io.fastrtc.jakarta.runtime.wire.Routes;
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
import java.util.Optional;

/**
 * {@code POST /input_hook}: FastRTC's input convention, {@code {"webrtc_id":..., <inputs>}}, for a
 * connection of any stream. Valid values reach the handler's next call; invalid ones get HTTP 400
 * listing the field errors and change nothing; an unknown id gets HTTP 404.
 */
@Path(Routes.INPUT_HOOK)
@RequestScoped
public class InputHookResource {
  @Inject FastRtcEngine runtime;
  @Inject StreamConnections connections;
  @Inject Callers callers;
  @Context HttpServletRequest request;

  /** Sets inputs of a live connection. */
  @POST
  @Produces(MediaType.APPLICATION_JSON)
  public Response set(InputStream body) throws IOException {
    return InputHook.handle(
        callers.view(connections, callers.of(request)),
        Optional.empty(),
        body,
        new ClusterRoute(runtime, request));
  }
}
