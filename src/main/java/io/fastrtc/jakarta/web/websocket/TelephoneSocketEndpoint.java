package io.fastrtc.jakarta.web.websocket;

import io.fastrtc.jakarta.runtime.cdi.FastRtcRuntime;
import io.fastrtc.jakarta.runtime.stream.StreamCatalog;
import io.fastrtc.jakarta.runtime.stream.StreamDefinition;
import io.fastrtc.jakarta.runtime.telephone.TelephoneCalls;
import io.fastrtc.jakarta.runtime.telephone.TwilioMediaSession;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;
import java.util.Optional;

/**
 * {@code /telephone/handler} and {@code /streams/{name}/telephone/handler}: Twilio Media Streams.
 * Beans are looked up with {@code CDI.current()}, as in {@link AudioSocketEndpoint}.
 */
public class TelephoneSocketEndpoint extends Endpoint {
  private TwilioMediaSession call;

  @Override
  public void onOpen(Session socket, EndpointConfig config) {
    String name = socket.getPathParameters().get("name");
    StreamCatalog catalog = CDI.current().select(StreamCatalog.class).get();
    Optional<StreamDefinition> stream = name == null ? catalog.defaultStream() : catalog.find(name);
    if (stream.isEmpty()) {
      TelephoneCalls.refuseUnknownStream(
          socket, name == null ? "default stream" : "stream '" + name + "'");
      return;
    }
    FastRtcRuntime runtime = CDI.current().select(FastRtcRuntime.class).get();
    TwilioMediaSession session = runtime.telephone().open(stream.get(), socket);
    call = session;
    socket.addMessageHandler(String.class, session::onText);
  }

  @Override
  public void onClose(Session socket, CloseReason reason) {
    if (call != null) {
      call.onSocketClosed();
    }
  }

  @Override
  public void onError(Session socket, Throwable error) {
    if (call != null) {
      call.onSocketError(error);
    }
  }
}
