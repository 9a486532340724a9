package io.fastrtc.jakarta.runtime.socket.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The rule that derives Twilio's {@code wss} URL, one precedence step per test. */
class PublicUrlTest {
  private static final String ROUTE = "/telephone/handler";

  /** A request; its authority is the {@code Host} header, as the servlet layer passes it. */
  private static PublicUrl.Request request(String scheme, String context, String... headers) {
    Map<String, String> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (int i = 0; i < headers.length; i += 2) {
      map.put(headers[i], headers[i + 1]);
    }
    return new PublicUrl.Request(scheme, map.get("Host"), context, map::get);
  }

  @Test
  void theConfiguredUrlWinsOverEverything() {
    assertThat(
            PublicUrl.webSocketUrl(
                "https://voice.example.com",
                request("http", "/app", "Host", "internal:9080", "X-Forwarded-Host", "x.example"),
                ROUTE))
        .isEqualTo("wss://voice.example.com/telephone/handler");
  }

  @Test
  void theConfiguredUrlKeepsItsPathAndPortAndReplacesTheContextPath() {
    assertThat(
            PublicUrl.webSocketUrl(
                "http://example.com:8443/voice/", request("http", "/app"), "/streams/a" + ROUTE))
        .isEqualTo("ws://example.com:8443/voice/streams/a/telephone/handler");
  }

  @Test
  void aBadConfiguredUrlIsReportedNotGuessed() {
    assertThatThrownBy(
            () -> PublicUrl.webSocketUrl("voice.example.com", request("http", ""), ROUTE))
        .isInstanceOf(PublicUrl.Unresolvable.class)
        .hasMessageContaining("absolute URL");
    assertThatThrownBy(() -> PublicUrl.webSocketUrl("ftp://x.example", request("http", ""), ROUTE))
        .hasMessageContaining("http(s) or ws(s)");
  }

  @Test
  void theForwardedHeaderComesNext() {
    assertThat(
            PublicUrl.webSocketUrl(
                null,
                request(
                    "http",
                    "/app",
                    "Host",
                    "internal:9080",
                    "Forwarded",
                    "for=192.0.2.60;proto=https;host=\"voice.example.com\", for=10.0.0.1",
                    "X-Forwarded-Host",
                    "ignored.example"),
                ROUTE))
        .isEqualTo("wss://voice.example.com/app/telephone/handler");
  }

  @Test
  void aForwardedHeaderWithoutHostOrProtoIsReported() {
    assertThatThrownBy(
            () ->
                PublicUrl.webSocketUrl(
                    null, request("http", "", "Forwarded", "for=1.2.3.4;proto=https"), ROUTE))
        .isInstanceOf(PublicUrl.Unresolvable.class)
        .hasMessageContaining("lacks proto= or host=")
        .hasMessageContaining("fastrtc.telephone.public-url");
  }

  @Test
  void xForwardedHeadersTakeTheirFirstValuesAndANonDefaultPort() {
    assertThat(
            PublicUrl.webSocketUrl(
                null,
                request(
                    "http",
                    "",
                    "X-Forwarded-Proto",
                    "https, http",
                    "X-Forwarded-Host",
                    "voice.example.com, lb.internal",
                    "X-Forwarded-Port",
                    "8443"),
                ROUTE))
        .isEqualTo("wss://voice.example.com:8443/telephone/handler");
    assertThat(
            PublicUrl.webSocketUrl(
                null,
                request(
                    "http",
                    "",
                    "X-Forwarded-Proto",
                    "https",
                    "X-Forwarded-Host",
                    "voice.example.com",
                    "X-Forwarded-Port",
                    "443"),
                ROUTE))
        .isEqualTo("wss://voice.example.com/telephone/handler");
  }

  @Test
  void halfOfTheXForwardedPairIsReported() {
    assertThatThrownBy(
            () ->
                PublicUrl.webSocketUrl(
                    null, request("http", "", "X-Forwarded-Host", "voice.example.com"), ROUTE))
        .hasMessageContaining("must come together");
  }

  @Test
  void aDirectRequestUsesItsOwnSchemeAndHostWithPort() {
    assertThat(
            PublicUrl.webSocketUrl(null, request("http", "/app", "Host", "localhost:9080"), ROUTE))
        .isEqualTo("ws://localhost:9080/app/telephone/handler");
    assertThat(PublicUrl.webSocketUrl("  ", request("https", "", "Host", "[::1]:9443"), ROUTE))
        .isEqualTo("wss://[::1]:9443/telephone/handler");
  }

  @Test
  void anHttp2RequestUsesItsAuthority() {
    assertThat(
            PublicUrl.webSocketUrl(
                null, new PublicUrl.Request("http", "localhost:9181", "", name -> null), ROUTE))
        .isEqualTo("ws://localhost:9181/telephone/handler");
    assertThatThrownBy(
            () ->
                PublicUrl.webSocketUrl(
                    null, new PublicUrl.Request("http", null, "", name -> null), ROUTE))
        .hasMessageContaining("no Host header");
  }

  @Test
  void aProxiedRequestWithoutForwardedHostIsNeverGuessed() {
    for (String header : new String[] {"Via", "X-Forwarded-For", "X-Real-IP"}) {
      assertThatThrownBy(
              () ->
                  PublicUrl.webSocketUrl(
                      null, request("http", "", "Host", "internal:9080", header, "x"), ROUTE))
          .as(header)
          .isInstanceOf(PublicUrl.Unresolvable.class)
          .hasMessageContaining(header + " is set");
    }
  }

  @Test
  void hostsThatCouldInjectMarkupOrPathsAreRefused() {
    for (String host : new String[] {"evil\"><x", "a.example/path", "a b", "", "-x.example"}) {
      assertThatThrownBy(
              () ->
                  PublicUrl.webSocketUrl(
                      null,
                      request("http", "", "X-Forwarded-Proto", "https", "X-Forwarded-Host", host),
                      ROUTE))
          .as(host)
          .isInstanceOf(PublicUrl.Unresolvable.class);
    }
  }
}
