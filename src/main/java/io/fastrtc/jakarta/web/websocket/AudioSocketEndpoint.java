package io.fastrtc.jakarta.web.websocket;

import io.fastrtc.jakarta.runtime.cdi.FastRtcRuntime;
import io.fastrtc.jakarta.runtime.stream.StreamCatalog;
import io.fastrtc.jakarta.runtime.stream.StreamDefinition;
import io.fastrtc.jakarta.runtime.websocket.WebSocketAudioSession;
import io.fastrtc.jakarta.runtime.websocket.WebSocketSessions;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * {@code /websocket/offer} and {@code /streams/{name}/websocket/offer}: FastRTC's audio socket. The
 * container creates programmatic endpoints itself, so the beans are looked up with {@code
 * CDI.current()} rather than injected.
 */
public class AudioSocketEndpoint extends Endpoint {
  private WebSocketAudioSession audio;

  @Override
  public void onOpen(Session socket, EndpointConfig config) {
    String name = socket.getPathParameters().get("name");
    StreamCatalog catalog = CDI.current().select(StreamCatalog.class).get();
    Optional<StreamDefinition> stream = name == null ? catalog.defaultStream() : catalog.find(name);
    if (stream.isEmpty()) {
      WebSocketSessions.refuseUnknownStream(
          socket, name == null ? "default stream" : "stream '" + name + "'");
      return;
    }
    FastRtcRuntime runtime = CDI.current().select(FastRtcRuntime.class).get();
    WebSocketAudioSession session = runtime.websockets().open(stream.get(), socket);
    audio = session;
    socket.addMessageHandler(String.class, session::onText);
    socket.addMessageHandler(ByteBuffer.class, bytes -> session.onBinary());
  }

  @Override
  public void onClose(Session socket, CloseReason reason) {
    if (audio != null) {
      audio.onSocketClosed();
    }
  }

  @Override
  public void onError(Session socket, Throwable error) {
    if (audio != null) {
      audio.onSocketError(error);
    }
  }
}
