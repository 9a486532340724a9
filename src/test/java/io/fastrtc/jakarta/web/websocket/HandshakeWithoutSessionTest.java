package io.fastrtc.jakarta.web.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * An upgrade's {@code getSession()} (what Liberty's WebSocket handshake calls) must not create a
 * session; other requests pass through untouched. The soak found one session left per WebSocket.
 */
class HandshakeWithoutSessionTest {
  private final List<String> sessionCalls = new ArrayList<>();
  private final AtomicReference<ServletRequest> passedOn = new AtomicReference<>();

  private HttpServletRequest request(String upgrade) {
    return (HttpServletRequest)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {HttpServletRequest.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getHeader" -> "Upgrade".equalsIgnoreCase((String) args[0]) ? upgrade : null;
                  case "getSession" -> {
                    sessionCalls.add(args == null ? "getSession()" : "getSession(" + args[0] + ")");
                    yield null;
                  }
                  default -> null;
                });
  }

  private static final HttpServletResponse RESPONSE =
      (HttpServletResponse)
          Proxy.newProxyInstance(
              HandshakeWithoutSessionTest.class.getClassLoader(),
              new Class<?>[] {HttpServletResponse.class},
              (proxy, method, args) -> null);

  private void filter(HttpServletRequest request) throws Exception {
    new HandshakeWithoutSession().doFilter(request, RESPONSE, (req, res) -> passedOn.set(req));
  }

  @Test
  void anUpgradesGetSessionOnlyLooksForAnExistingOne() throws Exception {
    filter(request("websocket"));

    ((HttpServletRequest) passedOn.get()).getSession();

    assertThat(sessionCalls).containsExactly("getSession(false)");
  }

  @Test
  void otherRequestsPassThroughUntouched() throws Exception {
    HttpServletRequest plain = request(null);

    filter(plain);

    assertThat(passedOn.get()).isSameAs(plain);
    ((HttpServletRequest) passedOn.get()).getSession();
    assertThat(sessionCalls).containsExactly("getSession()");
  }
}
