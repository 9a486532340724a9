package io.fastrtc.jakarta.web.security;

import io.fastrtc.jakarta.runtime.security.TwilioSignature;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code X-Twilio-Signature} on the telephone routes: the webhook ({@code POST
 * .../telephone/incoming}, signed over its URL and form parameters) and the Media Stream upgrade
 * ({@code .../telephone/handler}, signed over its {@code wss://} URL).
 */
final class TwilioCheck {
  private static final Pattern TELEPHONE =
      Pattern.compile("(/streams/[^/]+)?/telephone/(incoming|handler)");
  private static final int MAX_FORM_BYTES = 64 * 1024;
  private static final Pattern AMPERSAND = Pattern.compile("&");

  private TwilioCheck() {}

  /** Whether {@code path} (after the context root) is a telephone route. */
  static boolean isTelephone(String path) {
    return TELEPHONE.matcher(path).matches();
  }

  /**
   * Whether the request carries Twilio's signature for {@code authToken}.
   *
   * @param path the route after the context root
   * @param query the query string, or null
   * @param publicUrl {@code fastrtc.telephone.public-url}, the URL Twilio calls, when set
   */
  static boolean verify(
      HttpServletRequest request,
      String authToken,
      String path,
      String query,
      Optional<String> publicUrl)
      throws IOException {
    boolean upgrade = "websocket".equalsIgnoreCase(request.getHeader("Upgrade"));
    String url = url(request, path, query, publicUrl, upgrade);
    Map<String, List<String>> params =
        upgrade || !isForm(request) ? Map.of() : form(request.getInputStream());
    return new TwilioSignature(authToken)
        .verify(request.getHeader(TwilioSignature.HEADER), url, params);
  }

  private static String url(
      HttpServletRequest request,
      String path,
      String query,
      Optional<String> publicUrl,
      boolean upgrade) {
    String base =
        publicUrl
                .map(u -> u.endsWith("/") ? u.substring(0, u.length() - 1) : u)
                .orElseGet(() -> request.getScheme() + "://" + Authority.of(request))
            + request.getContextPath();
    if (upgrade) {
      base = base.replaceFirst("(?i)^http", "ws");
    }
    return base + path + (query == null ? "" : "?" + query);
  }

  private static boolean isForm(HttpServletRequest request) {
    String type = request.getContentType();
    return type != null
        && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
  }

  private static Map<String, List<String>> form(InputStream in) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    int n;
    while ((n = in.read(buffer)) > 0 && body.size() < MAX_FORM_BYTES) {
      body.write(buffer, 0, n);
    }
    Map<String, List<String>> params = new LinkedHashMap<>();
    for (String pair : AMPERSAND.splitAsStream(body.toString(StandardCharsets.US_ASCII)).toList()) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
    return params;
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
