package io.fastrtc.jakarta.web.security;

import jakarta.servlet.http.HttpServletRequest;

/** The host and port a request was addressed to. */
final class Authority {
  private Authority() {}

  /**
   * HTTP/1.1 sends a {@code Host} header; over HTTP/2 (e.g. after an h2c upgrade) the container has
   * only {@code :authority}, which the servlet API reports as the server name and port.
   */
  static String of(HttpServletRequest request) {
    String host = request.getHeader("Host");
    if (host != null && !host.isBlank()) {
      return host;
    }
    String name = request.getServerName();
    return (name.indexOf(':') >= 0 ? "[" + name + "]" : name) + ":" + request.getServerPort();
  }
}
