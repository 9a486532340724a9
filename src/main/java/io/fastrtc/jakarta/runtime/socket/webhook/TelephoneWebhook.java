package io.fastrtc.jakarta.runtime.socket.webhook;

import io.fastrtc.jakarta.runtime.connection.ConnectionRegistry;
import io.fastrtc.jakarta.runtime.socket.SocketRoute;
import io.fastrtc.jakarta.runtime.stream.StreamDefinition;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Twilio's voice webhook ({@code POST /telephone/incoming}): answers with TwiML that connects the
 * call to the stream's Media Stream route ({@link SocketRoute#TELEPHONE}).
 */
public final class TelephoneWebhook {
  private static final Logger LOG = Logger.getLogger(TelephoneWebhook.class.getName());

  private final ConnectionRegistry registry;
  private final Supplier<String> publicUrl;
  private final Map<String, Boolean> reported = new ConcurrentHashMap<>();

  /**
   * @param registry counts the stream's live connections, to answer busy at its limit
   * @param publicUrl reads {@code fastrtc.telephone.public-url} ({@code
   *     Settings#telephonePublicUrl()}), or null when unset
   */
  public TelephoneWebhook(ConnectionRegistry registry, Supplier<String> publicUrl) {
    this.registry = registry;
    this.publicUrl = publicUrl;
  }

  /**
   * An HTTP answer to the webhook.
   *
   * @param status the HTTP status
   * @param contentType {@code application/xml} for TwiML, {@code text/plain} for errors
   * @param body the body
   */
  public record Answer(int status, String contentType, String body) {}

  /**
   * Answers Twilio's voice webhook: TwiML that connects the call to the handler route, or a busy
   * message when the stream is at its limit, or HTTP 500 saying what to configure when the public
   * URL cannot be derived (Twilio's debugger shows the body).
   *
   * @param rootRoute whether the webhook came on the root path, so the stream is answered on {@code
   *     /telephone/handler} rather than {@code /streams/<name>/telephone/handler}
   */
  public Answer incoming(StreamDefinition stream, boolean rootRoute, PublicUrl.Request request) {
    if (registry.count(stream) >= stream.concurrencyLimit()) {
      LOG.info(() -> "Incoming call answered busy: stream " + stream.name() + " is at its limit");
      return new Answer(200, "application/xml", Twiml.busy());
    }
    String route = (rootRoute ? "" : stream.basePath()) + SocketRoute.TELEPHONE.path();
    try {
      String url = PublicUrl.webSocketUrl(publicUrl.get(), request, route);
      return new Answer(200, "application/xml", Twiml.connect(url));
    } catch (PublicUrl.Unresolvable e) {
      if (reported.putIfAbsent(e.getMessage(), Boolean.TRUE) == null) {
        LOG.warning("Cannot answer Twilio's webhook: " + e.getMessage());
      }
      return new Answer(500, "text/plain", "Cannot build the Media Stream URL: " + e.getMessage());
    }
  }
}
