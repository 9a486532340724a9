package io.fastrtc.jakarta.web.operations;

import io.fastrtc.jakarta.runtime.FastRtcEngine;
import io.fastrtc.jakarta.runtime.wire.SignalResponse;
import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * While the server drains, refuses what would open a connection before it reaches a socket endpoint
 * or the telephone webhook: WebSocket upgrades of {@code /websocket/offer} and {@code
 * /telephone/handler} and {@code POST /telephone/incoming} (root and per stream) get HTTP 503 with
 * {@code Retry-After} and the contract's {@code server_draining} body. WebRTC offers are refused by
 * the registry instead (the same body), since the same route also carries candidates for live
 * connections.
 */
@WebFilter(
    urlPatterns = {
      "/websocket/*",
      "/telephone/*",
      "/streams/*",
      "/api/telephone/*",
      "/api/streams/*"
    },
    asyncSupported = true,
    // FORWARD too: RootRoutes may run first and forward /telephone/incoming to /api/telephone/...
    dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.FORWARD})
public class DrainGate extends HttpFilter {
  private static final long serialVersionUID = 1L;

  @Inject transient FastRtcEngine engine;

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    if (engine.drain().isDraining() && opensConnection(req)) {
      String path = req.getRequestURI().substring(req.getContextPath().length());
      engine
          .metrics()
          .events()
          .refused(
              streamOf(path),
              path.contains("/telephone/") ? "telephone" : "websocket",
              "server_draining");
      SignalResponse refusal = SignalResponse.draining();
      res.setStatus(refusal.httpStatus());
      res.setHeader("Retry-After", String.valueOf(refusal.retryAfterSeconds()));
      res.setContentType("application/json");
      res.setCharacterEncoding(StandardCharsets.UTF_8.name());
      res.getWriter().write(refusal.json());
      return;
    }
    chain.doFilter(req, res);
  }

  /** The stream a route names ({@code /streams/<name>/...}), else the default stream's routes. */
  private static String streamOf(String path) {
    String p = path.startsWith("/api/") ? path.substring(4) : path;
    if (p.startsWith("/streams/")) {
      int end = p.indexOf('/', 9);
      return end < 0 ? p.substring(9) : p.substring(9, end);
    }
    return "default";
  }

  private static boolean opensConnection(HttpServletRequest req) {
    String path = req.getRequestURI().substring(req.getContextPath().length());
    if ("websocket".equalsIgnoreCase(req.getHeader("Upgrade"))) {
      return path.endsWith("/websocket/offer") || path.endsWith("/telephone/handler");
    }
    return "POST".equals(req.getMethod()) && path.endsWith("/telephone/incoming");
  }
}
