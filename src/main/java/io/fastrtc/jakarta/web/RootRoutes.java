package io.fastrtc.jakarta.web;

import io.fastrtc.jakarta.runtime.wire.Routes;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Serves FastRTC's root routes and the per-stream routes from the JAX-RS application under {@code
 * /api}, so {@code POST /webrtc/offer}, {@code POST /input_hook}, {@code GET /outputs} and {@code
 * POST /telephone/incoming} work unchanged for FastRTC's clients and Twilio. Asynchronous, for the
 * Server-Sent Events of {@code /outputs}. WebSocket upgrades ({@code /telephone/handler}, {@code
 * /streams/<name>/websocket/offer}) pass through to the WebSocket endpoints.
 */
@WebFilter(
    urlPatterns = {
      "/webrtc/*",
      "/streams/*",
      "/telephone/*",
      "/" + Routes.INPUT_HOOK,
      "/" + Routes.OUTPUTS
    },
    asyncSupported = true)
public class RootRoutes extends HttpFilter {
  private static final long serialVersionUID = 1L;

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    if ("websocket".equalsIgnoreCase(req.getHeader("Upgrade"))) {
      chain.doFilter(req, res);
      return;
    }
    String path = req.getRequestURI().substring(req.getContextPath().length());
    // A forward sees only the dispatcher path's query string: carry the original one over.
    String query = req.getQueryString();
    req.getRequestDispatcher("/api" + path + (query == null ? "" : "?" + query)).forward(req, res);
  }
}
