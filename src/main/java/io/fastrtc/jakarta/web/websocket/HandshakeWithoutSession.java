package io.fastrtc.jakarta.web.websocket;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/**
 * Keeps WebSocket upgrades from creating HTTP sessions. Open Liberty's handshake calls {@code
 * request.getSession()} for every upgrade (to offer it as {@code
 * HandshakeRequest.getHttpSession()}, which FastRTC never reads), so each WebSocket or telephone
 * connection used to leave a session behind until its timeout (the soak counted one per WebSocket
 * cycle). Upgrades pass on with a request whose {@code getSession()} returns only an existing
 * session (a single sign-on login keeps its own).
 */
@WebFilter(
    urlPatterns = "/*",
    asyncSupported = true,
    dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.FORWARD})
public class HandshakeWithoutSession extends HttpFilter {
  private static final long serialVersionUID = 1L;

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    chain.doFilter(isUpgrade(req) ? new NoNewSession(req) : req, res);
  }

  static boolean isUpgrade(HttpServletRequest req) {
    return "websocket".equalsIgnoreCase(req.getHeader("Upgrade"));
  }

  /** A request whose {@code getSession()} does not create one. */
  static final class NoNewSession extends HttpServletRequestWrapper {
    NoNewSession(HttpServletRequest request) {
      super(request);
    }

    @Override
    public HttpSession getSession() {
      return getSession(false);
    }
  }
}
