package io.fastrtc.jakarta.runtime.security;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Which {@code Origin}s may call the routes: the server's own (the request's {@code Host}) and the
 * configured {@code fastrtc.security.allowed-origins}. Used for CORS and, under single sign-on, to
 * refuse cross-site requests and WebSocket upgrades (cross-site WebSocket hijacking).
 */
public final class OriginPolicy {
  private final List<String> allowed;

  /**
   * @param allowed origins such as {@code https://app.example.com}, without a trailing slash
   */
  public OriginPolicy(List<String> allowed) {
    this.allowed = allowed.stream().map(o -> o.toLowerCase(Locale.ROOT)).toList();
  }

  /**
   * Whether {@code origin} is the page's own site: its host and port are those the request was
   * addressed to ({@code Host}).
   */
  public static boolean sameOrigin(String origin, String host) {
    if (origin == null || host == null) {
      return false;
    }
    try {
      URI uri = URI.create(origin);
      if (uri.getHost() == null) {
        return false;
      }
      int port = uri.getPort();
      String authority =
          port < 0 ? uri.getHost() : uri.getHost() + ":" + port; // "[::1]" keeps its brackets
      String h = host.toLowerCase(Locale.ROOT);
      String a = authority.toLowerCase(Locale.ROOT);
      return h.equals(a) || h.equals(a + ":" + defaultPort(uri.getScheme()));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static int defaultPort(String scheme) {
    return "https".equalsIgnoreCase(scheme) ? 443 : 80;
  }

  /** Whether {@code origin} is one of the configured foreign origins allowed to call in. */
  public boolean isAllowed(String origin) {
    Objects.requireNonNull(origin, "origin == null");
    return allowed.contains(origin.toLowerCase(Locale.ROOT));
  }
}
