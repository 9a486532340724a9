package io.fastrtc.jakarta.web.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/**
 * {@code POST /api/logout}: ends the browser's single sign-on session on this server (the server's
 * session cookie is cleared and the HTTP session invalidated). The provider's own session is the
 * provider's: send the browser to its end-session endpoint to end that too.
 */
@Path("logout")
@RequestScoped
public class LogoutResource {
  @Context HttpServletRequest request;

  /** Logs the caller out. */
  @POST
  @Produces(MediaType.APPLICATION_JSON)
  public Map<String, String> logout() throws ServletException {
    HttpSession session = request.getSession(false);
    request.logout();
    if (session != null) {
      try {
        session.invalidate();
      } catch (IllegalStateException alreadyInvalidated) {
        // Liberty's logout() invalidates the session itself.
      }
    }
    return Map.of("status", "logged_out");
  }
}
