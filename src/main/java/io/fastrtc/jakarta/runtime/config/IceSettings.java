package io.fastrtc.jakarta.runtime.config;

import java.util.List;

/**
 * The server peer's ICE configuration (FastRTC's {@code server_rtc_configuration}). Empty by
 * default: host candidates only, which is right on a LAN or localhost; set STUN/TURN servers for
 * anything else.
 *
 * @param urls STUN/TURN URLs, e.g. {@code turn:turn.example.com:3478}
 * @param username TURN user name, or empty
 * @param credential TURN credential, or empty
 * @param portMin lowest UDP port to use, or 0 for any
 * @param portMax highest UDP port to use, or 0 for any
 */
public record IceSettings(
    List<String> urls, String username, String credential, int portMin, int portMax) {

  /** No ICE servers, any port. */
  public static IceSettings none() {
    return new IceSettings(List.of(), "", "", 0, 0);
  }

  /** Validates the port range. */
  public IceSettings {
    urls = List.copyOf(urls);
    if (portMin < 0 || portMax < 0 || portMin > portMax || portMax > 65_535) {
      throw new IllegalArgumentException(
          "ICE port range must satisfy 0 <= min <= max <= 65535: " + portMin + ".." + portMax);
    }
  }
}
