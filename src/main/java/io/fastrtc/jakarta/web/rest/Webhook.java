package io.fastrtc.jakarta.web.rest;

import io.fastrtc.jakarta.runtime.FastRtcEngine;
import io.fastrtc.jakarta.runtime.socket.webhook.PublicUrl;
import io.fastrtc.jakarta.runtime.socket.webhook.TelephoneWebhook;
import io.fastrtc.jakarta.runtime.stream.StreamDefinition;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/** The shared body of the two webhook routes: describe the request, ask the runtime, map. */
final class Webhook {
  private Webhook() {}

  static Response answer(
      FastRtcEngine runtime,
      Optional<StreamDefinition> stream,
      boolean rootRoute,
      String what,
      HttpServletRequest request) {
    if (stream.isEmpty()) {
      return Response.status(404).type("text/plain").entity("No " + what + " is deployed").build();
    }
    PublicUrl.Request view =
        new PublicUrl.Request(
            request.getScheme(), authority(request), request.getContextPath(), request::getHeader);
    TelephoneWebhook.Answer answer = runtime.telephone().incoming(stream.get(), rootRoute, view);
    return Response.status(answer.status())
        .type(answer.contentType())
        .entity(answer.body())
        .build();
  }

  /**
   * The host and port the client addressed. HTTP/1.1 sends a {@code Host} header; over HTTP/2 (e.g.
   * after an h2c upgrade) the container has only {@code :authority}, which the servlet API reports
   * as the server name and port.
   */
  private static String authority(HttpServletRequest request) {
    String host = request.getHeader("Host");
    if (host != null && !host.isBlank()) {
      return host;
    }
    String name = request.getServerName();
    if (name == null || name.isEmpty()) {
      return null;
    }
    return (name.indexOf(':') >= 0 ? "[" + name + "]" : name) + ":" + request.getServerPort();
  }
}
