package io.fastrtc.jakarta.runtime.telephone;

import io.fastrtc.jakarta.runtime.Connection;
import io.fastrtc.jakarta.runtime.ConnectionRegistry;
import io.fastrtc.jakarta.runtime.HandlerLease;
import io.fastrtc.jakarta.runtime.RuntimeServices;
import io.fastrtc.jakarta.runtime.stream.StreamDefinition;
import io.fastrtc.jakarta.runtime.wire.ErrorCode;
import io.fastrtc.jakarta.runtime.wire.SocketEvent;
import jakarta.websocket.CloseReason;
import jakarta.websocket.CloseReason.CloseCodes;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The telephone transport: the Twilio voice webhook ({@code POST /telephone/incoming}) and the
 * Media Stream sessions ({@code /telephone/handler}).
 */
public final class TelephoneCalls {
  private static final Logger LOG = Logger.getLogger(TelephoneCalls.class.getName());

  /** The MicroProfile Config key of the application's public URL. */
  public static final String PUBLIC_URL_KEY = "fastrtc.telephone.public-url";

  private final ConnectionRegistry registry;
  private final RuntimeServices services;
  private final Function<StreamDefinition, HandlerLease> handlers;
  private final Supplier<String> publicUrl;
  private final InputSetter inputs;
  private final Map<String, Boolean> reported = new ConcurrentHashMap<>();

  /**
   * Merges named values into a connection's inputs and validates them, as {@code POST /input_hook}
   * does.
   */
  @FunctionalInterface
  public interface InputSetter {
    /**
     * Applies {@code values} to the call's inputs.
     *
     * @throws io.fastrtc.jakarta.api.InvalidInputsException when the stream's inputs refuse them
     */
    void apply(Connection connection, Map<String, ?> values);
  }

  /**
   * @param publicUrl reads {@value #PUBLIC_URL_KEY}, or null when unset
   * @param inputs sets a call's custom parameters and DTMF digits as its inputs
   */
  public TelephoneCalls(
      ConnectionRegistry registry,
      RuntimeServices services,
      Function<StreamDefinition, HandlerLease> handlers,
      Supplier<String> publicUrl,
      InputSetter inputs) {
    this.registry = registry;
    this.services = services;
    this.handlers = handlers;
    this.publicUrl = publicUrl;
    this.inputs = inputs;
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
    String route = (rootRoute ? "" : stream.basePath()) + "/telephone/handler";
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

  /** The session of a Twilio Media Stream socket that just opened; it waits for {@code start}. */
  public TwilioMediaSession open(StreamDefinition stream, Session socket) {
    socket.setMaxTextMessageBufferSize(SocketEvent.MAX_MESSAGE_CHARS);
    return new TwilioMediaSession(stream, socket, registry, services, handlers, inputs);
  }

  /**
   * Closes a Media Stream socket on a path with no stream (1008, {@code unknown_stream}). Twilio
   * takes no JSON answers, so the reason is only logged.
   */
  public static void refuseUnknownStream(Session socket, String what) {
    LOG.warning(() -> "Twilio Media Stream for an unknown " + what + " refused");
    try {
      socket.close(
          new CloseReason(CloseCodes.VIOLATED_POLICY, ErrorCode.UNKNOWN_STREAM.wireName()));
    } catch (IOException e) {
      LOG.log(Level.FINE, "Could not close a Twilio socket for " + what, e);
    }
  }
}
