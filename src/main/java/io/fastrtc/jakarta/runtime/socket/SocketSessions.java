package io.fastrtc.jakarta.runtime.socket;

import io.fastrtc.jakarta.api.StreamUser;
import io.fastrtc.jakarta.runtime.connection.Connection;
import io.fastrtc.jakarta.runtime.connection.ConnectionRegistry;
import io.fastrtc.jakarta.runtime.connection.HandlerLease;
import io.fastrtc.jakarta.runtime.connection.RuntimeServices;
import io.fastrtc.jakarta.runtime.stream.StreamDefinition;
import io.fastrtc.jakarta.runtime.wire.ErrorCode;
import io.fastrtc.jakarta.runtime.wire.SignalResponse;
import io.fastrtc.jakarta.runtime.wire.SocketEvent;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The socket transport: creates the session of each socket on a {@link SocketRoute}. */
public final class SocketSessions {
  private static final Logger LOG = Logger.getLogger(SocketSessions.class.getName());

  private final ConnectionRegistry registry;
  private final RuntimeServices services;
  private final Function<StreamDefinition, HandlerLease> handlers;
  private final InputSetter inputs;
  private final Limits limits;

  /**
   * The message policy of every socket: at most {@code maxMessagesPerSecond} messages and {@code
   * maxCharsPerSecond} characters per second (each averaged over about a second), else the client
   * is told why and the socket closes with 1008; a message over {@code maxMessageChars} characters
   * is answered {@code message too large} and ignored.
   *
   * @param maxMessagesPerSecond text and binary messages per second, at least 1
   * @param maxCharsPerSecond characters of text per second, at least 1
   * @param maxMessageChars the longest text message handled, in characters, at least 1
   */
  public record Limits(int maxMessagesPerSecond, int maxCharsPerSecond, int maxMessageChars) {
    /** The defaults: 200 messages, 1 MiB of characters per second, 256 KiB per message. */
    public static final Limits DEFAULTS =
        new Limits(200, 1024 * 1024, SocketEvent.MAX_MESSAGE_CHARS);

    /** Checks the bounds. */
    public Limits {
      if (maxMessagesPerSecond < 1 || maxCharsPerSecond < 1 || maxMessageChars < 1) {
        throw new IllegalArgumentException(
            "socket limits must be at least 1: "
                + maxMessagesPerSecond
                + " messages/s, "
                + maxCharsPerSecond
                + " characters/s, "
                + maxMessageChars
                + " characters per message");
      }
    }
  }

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
   * @param registry admits connections across all transports
   * @param handlers obtains a fresh handler instance for a stream
   * @param inputs sets a call's custom parameters and DTMF digits as its inputs
   */
  public SocketSessions(
      ConnectionRegistry registry,
      RuntimeServices services,
      Function<StreamDefinition, HandlerLease> handlers,
      InputSetter inputs) {
    this(registry, services, handlers, inputs, Limits.DEFAULTS);
  }

  /**
   * @param registry admits connections across all transports
   * @param handlers obtains a fresh handler instance for a stream
   * @param inputs sets a call's custom parameters and DTMF digits as its inputs
   * @param limits the message policy of every socket
   */
  public SocketSessions(
      ConnectionRegistry registry,
      RuntimeServices services,
      Function<StreamDefinition, HandlerLease> handlers,
      InputSetter inputs,
      Limits limits) {
    this.registry = registry;
    this.services = services;
    this.handlers = handlers;
    this.inputs = inputs;
    this.limits = Objects.requireNonNull(limits, "limits == null");
  }

  /** The message policy of every socket. */
  public Limits limits() {
    return limits;
  }

  /** The session of a socket that just opened on {@code route}; it waits for {@code start}. */
  public SocketSession open(SocketRoute route, StreamDefinition stream, Session socket) {
    return open(route, stream, socket, null);
  }

  /**
   * The session of a socket that just opened on {@code route}, whose connection will belong to
   * {@code owner}.
   *
   * @param owner the authenticated user of the upgrade request, or null without single sign-on
   */
  public SocketSession open(
      SocketRoute route, StreamDefinition stream, Session socket, StreamUser owner) {
    socket.setMaxTextMessageBufferSize(limits.maxMessageChars());
    return new SocketSession(
        stream,
        socket,
        owner,
        registry,
        services,
        handlers,
        limits,
        switch (route) {
          case WEBSOCKET -> FastRtcProtocol::new;
          case TELEPHONE -> session -> new TwilioProtocol(session, inputs, services.resamplers());
        });
  }

  /**
   * Closes a socket whose user lacks the stream's roles (1008, {@code forbidden}), after the
   * contract's failure body.
   */
  public static void refuseForbidden(Session socket, String stream) {
    try {
      socket
          .getBasicRemote()
          .sendText(
              SignalResponse.rejected(
                      403, ErrorCode.FORBIDDEN, "you lack the roles of stream '" + stream + "'")
                  .json());
      socket.close(SocketCloses.FORBIDDEN);
    } catch (IOException e) {
      LOG.log(Level.FINE, "Could not refuse a socket for stream " + stream, e);
    }
  }

  /**
   * Closes a socket on a path with no stream (1008, {@code unknown_stream}). The WebSocket client
   * first gets the contract's failure body; Twilio takes no JSON answers, so there it is logged.
   */
  public static void refuseUnknownStream(SocketRoute route, Session socket, String what) {
    try {
      if (route == SocketRoute.WEBSOCKET) {
        socket
            .getBasicRemote()
            .sendText(
                SignalResponse.rejected(
                        404, ErrorCode.UNKNOWN_STREAM, "no " + what + " is deployed")
                    .json());
      } else {
        LOG.warning(() -> "Twilio Media Stream for an unknown " + what + " refused");
      }
      socket.close(SocketCloses.UNKNOWN_STREAM);
    } catch (IOException e) {
      LOG.log(Level.FINE, "Could not refuse a socket for " + what, e);
    }
  }
}
