package io.fastrtc.jakarta.web.websocket;

import jakarta.websocket.Endpoint;
import jakarta.websocket.server.ServerApplicationConfig;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.Set;

/**
 * Registers the WebSocket routes: FastRTC's root paths for the default stream and the same routes
 * under {@code /streams/<name>/} for every stream. Two endpoint classes serve four paths.
 */
public class SocketRoutes implements ServerApplicationConfig {

  /** {@code /websocket/offer}, FastRTC's WebSocket audio route. */
  public static final String OFFER = "/websocket/offer";

  /** {@code /telephone/handler}, the Twilio Media Streams route. */
  public static final String TELEPHONE = "/telephone/handler";

  /** The prefix of the per-stream routes; {@code {name}} is the stream. */
  public static final String STREAM = "/streams/{name}";

  @Override
  public Set<ServerEndpointConfig> getEndpointConfigs(Set<Class<? extends Endpoint>> scanned) {
    return Set.of(
        ServerEndpointConfig.Builder.create(AudioSocketEndpoint.class, OFFER).build(),
        ServerEndpointConfig.Builder.create(AudioSocketEndpoint.class, STREAM + OFFER).build(),
        ServerEndpointConfig.Builder.create(TelephoneSocketEndpoint.class, TELEPHONE).build(),
        ServerEndpointConfig.Builder.create(TelephoneSocketEndpoint.class, STREAM + TELEPHONE)
            .build());
  }

  @Override
  public Set<Class<?>> getAnnotatedEndpointClasses(Set<Class<?>> scanned) {
    return Set.of();
  }
}
