package io.fastrtc.jakarta.web.rest;

import io.fastrtc.jakarta.api.StreamUser;
import io.fastrtc.jakarta.web.security.Callers;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code GET /api/me}: who the bundled pages are talking for. Without single sign-on {@code
 * {"security":"off"}}; with it {@code {"security":"sso","user":"alice","groups":["user"]}} (an
 * unauthenticated request never gets here: the gate answers 401).
 */
@Path("me")
@RequestScoped
public class MeResource {
  @Inject Callers callers;
  @Context HttpServletRequest request;

  /** The caller. */
  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Map<String, Object> me() {
    Map<String, Object> m = new LinkedHashMap<>();
    StreamUser user = callers.access().enabled() ? callers.of(request) : null;
    m.put("security", callers.access().enabled() ? "sso" : "off");
    if (user != null) {
      m.put("user", user.name());
      m.put("groups", List.copyOf(new TreeSet<>(user.groups())));
    }
    return m;
  }
}
