package io.fastrtc.jakarta.runtime.socket;

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
    this.registry = registry;
    this.services = services;
    this.handlers = handlers;
    this.inputs = inputs;
  }

  /** The session of a socket that just opened on {@code route}; it waits for {@code start}. */
  public SocketSession open(SocketRoute route, StreamDefinition stream, Session socket) {
    socket.setMaxTextMessageBufferSize(SocketEvent.MAX_MESSAGE_CHARS);
    return new SocketSession(
        stream,
        socket,
        registry,
        services,
        handlers,
        switch (route) {
          case WEBSOCKET -> FastRtcProtocol::new;
          case TELEPHONE -> session -> new TwilioProtocol(session, inputs, services.resamplers());
        });
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
