package io.fastrtc.jakarta.runtime.websocket;

import io.fastrtc.jakarta.runtime.ConnectionRegistry;
import io.fastrtc.jakarta.runtime.HandlerLease;
import io.fastrtc.jakarta.runtime.RuntimeServices;
import io.fastrtc.jakarta.runtime.stream.StreamDefinition;
import io.fastrtc.jakarta.runtime.wire.ErrorCode;
import io.fastrtc.jakarta.runtime.wire.SignalResponse;
import io.fastrtc.jakarta.runtime.wire.SocketEvent;
import jakarta.websocket.CloseReason;
import jakarta.websocket.CloseReason.CloseCodes;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Creates the audio session of each socket on {@code /websocket/offer}. */
public final class WebSocketSessions {
  private static final Logger LOG = Logger.getLogger(WebSocketSessions.class.getName());

  private final ConnectionRegistry registry;
  private final RuntimeServices services;
  private final Function<StreamDefinition, HandlerLease> handlers;

  /**
   * @param registry admits connections across all transports
   * @param handlers obtains a fresh handler instance for a stream
   */
  public WebSocketSessions(
      ConnectionRegistry registry,
      RuntimeServices services,
      Function<StreamDefinition, HandlerLease> handlers) {
    this.registry = registry;
    this.services = services;
    this.handlers = handlers;
  }

  /** The session of a socket that just opened; it waits for {@code start}. */
  public WebSocketAudioSession open(StreamDefinition stream, Session socket) {
    socket.setMaxTextMessageBufferSize(SocketEvent.MAX_MESSAGE_CHARS);
    return new WebSocketAudioSession(stream, socket, registry, services, handlers);
  }

  /**
   * Answers a socket on a path with no stream: the contract's failure body with {@code
   * unknown_stream}, then close.
   */
  public static void refuseUnknownStream(Session socket, String what) {
    String body =
        SignalResponse.rejected(404, ErrorCode.UNKNOWN_STREAM, "no " + what + " is deployed")
            .json();
    try {
      socket.getBasicRemote().sendText(body);
      socket.close(
          new CloseReason(CloseCodes.VIOLATED_POLICY, ErrorCode.UNKNOWN_STREAM.wireName()));
    } catch (IOException e) {
      LOG.log(Level.FINE, "Could not refuse a WebSocket for " + what, e);
    }
  }
}
