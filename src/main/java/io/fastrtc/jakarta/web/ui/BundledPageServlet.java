package io.fastrtc.jakarta.web.ui;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Serves the bundled pages (the jar's {@code META-INF/resources/fastrtc/}) at another path, or
 * answers 404 for all of them. Pages get the app-root meta tag that matches their depth, so {@code
 * /tools/rtc/stream.html} finds the routes two folders up.
 */
final class BundledPageServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  /** The folder of the bundled pages, relative to the context root (the web fragment's). */
  static final String RESOURCES = "/fastrtc";

  /** The tag the build put into each page: the default location is one folder below the root. */
  static final String DEFAULT_APP_ROOT = "<meta name=\"fastrtc-app-root\" content=\"../\">";

  /** The tag for this servlet's location, or {@code null} when it serves nothing. */
  private final String appRootMeta;

  private BundledPageServlet(String appRootMeta) {
    this.appRootMeta = appRootMeta;
  }

  /** Answers 404 for every request: the pages are off or moved. */
  static BundledPageServlet hidden() {
    return new BundledPageServlet(null);
  }

  /**
   * Serves the pages at a path.
   *
   * @param path the path it is mapped to, e.g. {@code /tools/rtc}
   */
  static BundledPageServlet at(String path) {
    String up = "../".repeat((int) path.chars().filter(c -> c == '/').count());
    return new BundledPageServlet("<meta name=\"fastrtc-app-root\" content=\"" + up + "\">");
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    String file = req.getPathInfo();
    if (appRootMeta == null || (file != null && file.contains(".."))) {
      res.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    if (file == null) {
      res.sendRedirect(req.getRequestURI() + "/");
      return;
    }
    if (file.endsWith("/")) {
      file += "index.html";
    }
    try (InputStream in = getServletContext().getResourceAsStream(RESOURCES + file)) {
      if (in == null) {
        res.sendError(HttpServletResponse.SC_NOT_FOUND);
        return;
      }
      byte[] body = in.readAllBytes();
      if (file.endsWith(".html")) {
        String page = new String(body, StandardCharsets.UTF_8);
        body = page.replace(DEFAULT_APP_ROOT, appRootMeta).getBytes(StandardCharsets.UTF_8);
      }
      res.setContentType(contentType(file));
      res.setContentLength(body.length);
      res.getOutputStream().write(body);
    }
  }

  private String contentType(String file) {
    String name = file.toLowerCase(Locale.ROOT);
    if (name.endsWith(".js")) {
      return "text/javascript;charset=UTF-8";
    }
    if (name.endsWith(".html")) {
      return "text/html;charset=UTF-8";
    }
    if (name.endsWith(".css")) {
      return "text/css;charset=UTF-8";
    }
    String type = getServletContext().getMimeType(file);
    return type == null ? "application/octet-stream" : type;
  }
}
