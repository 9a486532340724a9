package io.fastrtc.jakarta.web.websocket;

import io.fastrtc.jakarta.api.StreamUser;
import io.fastrtc.jakarta.runtime.FastRtcEngine;
import io.fastrtc.jakarta.runtime.socket.SocketRoute;
import io.fastrtc.jakarta.runtime.socket.SocketSession;
import io.fastrtc.jakarta.runtime.socket.SocketSessions;
import io.fastrtc.jakarta.runtime.stream.StreamCatalog;
import io.fastrtc.jakarta.runtime.stream.StreamDefinition;
import io.fastrtc.jakarta.web.security.Callers;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * Every socket route: {@code /websocket/offer} (FastRTC's audio socket) and {@code
 * /telephone/handler} (Twilio Media Streams), on the root paths and under {@code /streams/{name}/}.
 * {@link SocketRoutes} registers it once per path with the {@link SocketRoute} in the
 * configuration's user properties. The container creates programmatic endpoints itself, so the
 * beans are looked up with {@code CDI.current()} rather than injected.
 */
public class SocketEndpoint extends Endpoint {
  /** The user property that names the {@link SocketRoute} of a registration. */
  static final String ROUTE = SocketRoute.class.getName();

  private SocketSession session;

  @Override
  public void onOpen(Session socket, EndpointConfig config) {
    SocketRoute route = (SocketRoute) config.getUserProperties().get(ROUTE);
    String name = socket.getPathParameters().get("name");
    StreamCatalog catalog = CDI.current().select(StreamCatalog.class).get();
    Optional<StreamDefinition> stream = name == null ? catalog.defaultStream() : catalog.find(name);
    if (stream.isEmpty()) {
      SocketSessions.refuseUnknownStream(
          route, socket, name == null ? "default stream" : "stream '" + name + "'");
      return;
    }
    // The upgrade passed SecurityGate; Twilio's calls (signed, not a user) belong to no user.
    Callers callers = CDI.current().select(Callers.class).get();
    StreamUser caller =
        route == SocketRoute.TELEPHONE ? null : callers.of(socket.getUserPrincipal());
    if (route != SocketRoute.TELEPHONE
        && callers.access().enabled()
        && !callers.access().mayUse(caller, stream.get())) {
      SocketSessions.refuseForbidden(socket, stream.get().name());
      return;
    }
    FastRtcEngine engine = CDI.current().select(FastRtcEngine.class).get();
    SocketSession opened = engine.sockets().open(route, stream.get(), socket, caller);
    session = opened;
    // Partial: the session puts text messages together under its own limit (Tyrus would close a
    // fragmented message over the socket's text buffer with 1009, silently).
    socket.addMessageHandler(String.class, (MessageHandler.Partial<String>) opened::onTextPart);
    if (route.answersBinaryFrames()) {
      socket.addMessageHandler(ByteBuffer.class, bytes -> opened.onBinary());
    }
  }

  @Override
  public void onClose(Session socket, CloseReason reason) {
    if (session != null) {
      session.onSocketClosed();
    }
  }

  @Override
  public void onError(Session socket, Throwable error) {
    if (session != null) {
      session.onSocketError(error);
    }
  }
}
