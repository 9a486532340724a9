package io.fastrtc.jakarta.web.security;

import io.fastrtc.jakarta.runtime.config.SecuritySettings;
import io.fastrtc.jakarta.runtime.security.OriginPolicy;
import io.fastrtc.jakarta.runtime.security.StreamAccess;
import io.fastrtc.jakarta.runtime.wire.ErrorCode;
import io.fastrtc.jakarta.runtime.wire.SignalResponse;
import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * In front of every route, once per request (on its first dispatch, plain or forwarded by {@code
 * RootRoutes}): foreign origins (CORS for the allowed ones; under single sign-on every other
 * foreign origin is refused, WebSocket upgrades included), Twilio's signature on the telephone
 * routes, and under single sign-on an authenticated user on every other route: the server's
 * mechanisms (OpenID Connect for pages, mpJwt for bearer tokens) run through {@code authenticate};
 * without a user the answer is 401 (pages are sent to the provider's login).
 */
@WebFilter(
    urlPatterns = "/*",
    asyncSupported = true,
    dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.FORWARD})
public class SecurityGate extends HttpFilter {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(SecurityGate.class.getName());
  private static final String DONE = SecurityGate.class.getName();

  @Inject transient StreamAccess access;
  @Inject transient Callers callers;

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    if (req.getAttribute(DONE) != null) {
      chain.doFilter(req, res);
      return;
    }
    req.setAttribute(DONE, true);
    SecuritySettings security = access.security();
    if (!origins(req, res, security)) {
      return;
    }
    String path = path(req);
    if (TwilioCheck.isTelephone(path)) {
      if (telephone(req, res, security, path)) {
        chain.doFilter(req, res);
      }
      return;
    }
    if (!security.enabled() || authenticated(req, res)) {
      callers.of(req);
      chain.doFilter(req, res);
    }
  }

  /** CORS; false when the request was answered here (a preflight, a refused origin). */
  private static boolean origins(
      HttpServletRequest req, HttpServletResponse res, SecuritySettings security)
      throws IOException {
    String origin = req.getHeader("Origin");
    if (origin == null || OriginPolicy.sameOrigin(origin, Authority.of(req))) {
      return true;
    }
    boolean preflight =
        "OPTIONS".equals(req.getMethod()) && req.getHeader("Access-Control-Request-Method") != null;
    if (new OriginPolicy(security.allowedOrigins()).isAllowed(origin)) {
      res.setHeader("Access-Control-Allow-Origin", origin);
      res.setHeader("Access-Control-Allow-Credentials", "true");
      res.addHeader("Vary", "Origin");
      if (preflight) {
        res.setHeader("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
        String headers = req.getHeader("Access-Control-Request-Headers");
        res.setHeader(
            "Access-Control-Allow-Headers",
            headers != null ? headers : "Authorization, Content-Type, Last-Event-ID");
        res.setHeader("Access-Control-Max-Age", "600");
        res.setStatus(HttpServletResponse.SC_NO_CONTENT);
        return false;
      }
      return true;
    }
    if (preflight || security.enabled()) {
      refuse(res, 403, ErrorCode.FORBIDDEN, "origin " + origin + " is not allowed");
      return false;
    }
    return true; // no CORS headers: the browser keeps the answer from the page, as before
  }

  private boolean telephone(
      HttpServletRequest req, HttpServletResponse res, SecuritySettings security, String path)
      throws IOException {
    if (security.twilioAuthToken().isEmpty()) {
      if (!security.enabled()) {
        return true;
      }
      refuse(
          res,
          403,
          ErrorCode.FORBIDDEN,
          "telephone routes need fastrtc.telephone.twilio-auth-token under single sign-on");
      return false;
    }
    String query =
        req.getDispatcherType() == DispatcherType.FORWARD
            ? (String) req.getAttribute(RequestDispatcher.FORWARD_QUERY_STRING)
            : req.getQueryString();
    boolean valid =
        TwilioCheck.verify(
            req,
            security.twilioAuthToken().get(),
            path,
            query,
            callers.access().telephonePublicUrl());
    if (!valid) {
      LOG.warning(() -> "Refused " + path + ": missing or wrong X-Twilio-Signature");
      refuse(res, 403, ErrorCode.FORBIDDEN, "missing or wrong X-Twilio-Signature");
    }
    return valid;
  }

  private static boolean authenticated(HttpServletRequest req, HttpServletResponse res)
      throws IOException {
    if (req.getUserPrincipal() != null) {
      return true;
    }
    String authorization = req.getHeader("Authorization");
    boolean bearer = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
    // A session cookie the server accepted has already made a principal; a script's call without
    // one gets 401, a page is sent to the login, a bearer token goes to mpJwt.
    if (bearer || isPage(req)) {
      try {
        if (req.authenticate(res) && req.getUserPrincipal() != null) {
          return true;
        }
      } catch (ServletException e) {
        LOG.log(Level.FINE, "Authentication failed", e);
      }
      if (res.isCommitted()) {
        return false; // the server answered: a redirect to the provider's login, or its 401
      }
    }
    res.setHeader("WWW-Authenticate", "Bearer realm=\"fastrtc\"");
    refuse(res, 401, ErrorCode.UNAUTHENTICATED, "this route needs an authenticated user");
    return false;
  }

  /** A browser navigating to a page (not a script's call, not a WebSocket upgrade). */
  private static boolean isPage(HttpServletRequest req) {
    String accept = req.getHeader("Accept");
    return "GET".equals(req.getMethod())
        && req.getHeader("Upgrade") == null
        && accept != null
        && accept.toLowerCase(Locale.ROOT).contains("text/html");
  }

  /** The route after the context root, as the client requested it (before any forward). */
  private static String path(HttpServletRequest req) {
    String uri =
        req.getDispatcherType() == DispatcherType.FORWARD
            ? (String) req.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI)
            : req.getRequestURI();
    return uri.substring(req.getContextPath().length());
  }

  private static void refuse(HttpServletResponse res, int status, ErrorCode code, String detail)
      throws IOException {
    if (res.isCommitted()) {
      return;
    }
    res.resetBuffer();
    res.setStatus(status);
    res.setContentType("application/json");
    res.setCharacterEncoding(StandardCharsets.UTF_8.name());
    res.getWriter().write(SignalResponse.rejected(status, code, detail).json());
  }
}
