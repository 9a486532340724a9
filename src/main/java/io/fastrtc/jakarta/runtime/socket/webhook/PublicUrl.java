package io.fastrtc.jakarta.runtime.socket.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Where Twilio must connect for the Media Stream: the public {@code ws(s)://} URL of a route. It is
 * derived from what the operator or the proxy states, never guessed:
 *
 * <ol>
 *   <li>the configured public URL of the application ({@code fastrtc.telephone.public-url}, e.g.
 *       {@code https://voice.example.com} or {@code https://example.com/voice}), if set;
 *   <li>else the {@code Forwarded} header's first element ({@code proto} and {@code host} both
 *       required);
 *   <li>else {@code X-Forwarded-Proto} and {@code X-Forwarded-Host} (both required; first value of
 *       each; {@code X-Forwarded-Port} is added when the host has none);
 *   <li>else, only if the request shows no sign of a proxy ({@code Via}, {@code X-Forwarded-For},
 *       {@code X-Real-IP}), the request's own scheme and authority (its {@code Host} header, or
 *       HTTP/2's {@code :authority}).
 * </ol>
 *
 * <p>{@code https} becomes {@code wss} and {@code http} becomes {@code ws}. Rules 2 to 4 keep the
 * application's context path; a proxy that rewrites paths needs rule 1. Anything else is {@link
 * Unresolvable}, with a message saying what to set.
 */
public final class PublicUrl {
  private static final Pattern HOST =
      Pattern.compile("(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?)(:\\d{1,5})?");
  private static final String HOW_TO_FIX =
      "set fastrtc.telephone.public-url (e.g. https://voice.example.com), or make the proxy send"
          + " X-Forwarded-Proto and X-Forwarded-Host";

  private PublicUrl() {}

  /**
   * The incoming request, as far as the rule needs it.
   *
   * @param scheme the request's scheme on this server, {@code http} or {@code https}
   * @param authority the host and port the client addressed: the {@code Host} header, or HTTP/2's
   *     {@code :authority}; null if unknown
   * @param contextPath the application's context path, {@code ""} at the root
   * @param header the value of a request header by name (case-insensitive), or null
   */
  public record Request(
      String scheme, String authority, String contextPath, Function<String, String> header) {}

  /** The public URL cannot be derived; the message says why and what to set. */
  static final class Unresolvable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unresolvable(String message) {
      super(message);
    }
  }

  /**
   * The public WebSocket URL of a route.
   *
   * @param configured the configured public URL of the application, or null/blank
   * @param request the webhook request
   * @param routePath the route below the application root, e.g. {@code /telephone/handler}
   * @throws Unresolvable when the rule gives no URL
   */
  static String webSocketUrl(String configured, Request request, String routePath) {
    if (configured != null && !configured.isBlank()) {
      return fromConfigured(configured.trim(), routePath);
    }
    String path = request.contextPath() + routePath;
    String forwarded = request.header().apply("Forwarded");
    if (forwarded != null) {
      String first = firstElement(forwarded);
      String proto = parameter(first, "proto");
      String host = parameter(first, "host");
      if (proto == null || host == null) {
        throw new Unresolvable(
            "the Forwarded header (" + forwarded + ") lacks proto= or host=; " + HOW_TO_FIX);
      }
      return url(proto, host, path, "Forwarded");
    }
    String proto = first(request.header().apply("X-Forwarded-Proto"));
    String host = first(request.header().apply("X-Forwarded-Host"));
    if (proto != null || host != null) {
      if (proto == null || host == null) {
        throw new Unresolvable(
            "X-Forwarded-Proto and X-Forwarded-Host must come together (got proto "
                + proto
                + ", host "
                + host
                + "); "
                + HOW_TO_FIX);
      }
      String port = first(request.header().apply("X-Forwarded-Port"));
      if (port != null && !hasPort(host) && !isDefaultPort(proto, port)) {
        host = host + ":" + port;
      }
      return url(proto, host, path, "X-Forwarded-Host");
    }
    for (String proxyHeader : new String[] {"Via", "X-Forwarded-For", "X-Real-IP"}) {
      if (request.header().apply(proxyHeader) != null) {
        throw new Unresolvable(
            "the request came through a proxy ("
                + proxyHeader
                + " is set) that did not forward the public host; "
                + HOW_TO_FIX);
      }
    }
    String authority = request.authority();
    if (authority == null || authority.isBlank()) {
      throw new Unresolvable("the request has no Host header; " + HOW_TO_FIX);
    }
    return url(request.scheme(), authority.trim(), path, "Host");
  }

  private static String fromConfigured(String configured, String routePath) {
    URI uri;
    try {
      uri = new URI(configured);
    } catch (URISyntaxException e) {
      throw new Unresolvable(
          "fastrtc.telephone.public-url is not a URL: " + configured + " (" + e.getMessage() + ")");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (uri.getHost() == null || uri.getQuery() != null || uri.getFragment() != null) {
      throw new Unresolvable(
          "fastrtc.telephone.public-url must be an absolute URL with a host and no query, e.g."
              + " https://voice.example.com; got "
              + configured);
    }
    String authority = uri.getRawAuthority();
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    if (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    return webSocketScheme(scheme, "fastrtc.telephone.public-url")
        + "://"
        + authority
        + path
        + routePath;
  }

  private static String url(String scheme, String host, String path, String source) {
    if (!HOST.matcher(host).matches()) {
      throw new Unresolvable("the " + source + " host is not a valid host[:port]: " + host);
    }
    return webSocketScheme(scheme.trim().toLowerCase(Locale.ROOT), source) + "://" + host + path;
  }

  private static String webSocketScheme(String scheme, String source) {
    return switch (scheme) {
      case "https", "wss" -> "wss";
      case "http", "ws" -> "ws";
      default ->
          throw new Unresolvable(
              "the scheme from " + source + " must be http(s) or ws(s), not \"" + scheme + "\"");
    };
  }

  /** A parameter of one {@code Forwarded} element (RFC 7239), unquoted; null if absent. */
  static String parameter(String element, String name) {
    int start = 0;
    while (start <= element.length()) {
      int end = element.indexOf(';', start);
      String pair = element.substring(start, end < 0 ? element.length() : end);
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).trim().equalsIgnoreCase(name)) {
        String value = pair.substring(eq + 1).trim();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
          value = value.substring(1, value.length() - 1).replace("\\\"", "\"");
        }
        return value.isEmpty() ? null : value;
      }
      if (end < 0) {
        break;
      }
      start = end + 1;
    }
    return null;
  }

  private static String first(String headerValue) {
    if (headerValue == null) {
      return null;
    }
    String value = firstElement(headerValue).trim();
    return value.isEmpty() ? null : value;
  }

  /** The part of a comma-separated header value before the first comma. */
  private static String firstElement(String headerValue) {
    int comma = headerValue.indexOf(',');
    return comma < 0 ? headerValue : headerValue.substring(0, comma);
  }

  private static boolean hasPort(String host) {
    int bracket = host.lastIndexOf(']');
    return host.indexOf(':', bracket + 1) >= 0;
  }

  private static boolean isDefaultPort(String proto, String port) {
    String p = proto.toLowerCase(Locale.ROOT);
    return (port.equals("443") && (p.equals("https") || p.equals("wss")))
        || (port.equals("80") && (p.equals("http") || p.equals("ws")));
  }
}
