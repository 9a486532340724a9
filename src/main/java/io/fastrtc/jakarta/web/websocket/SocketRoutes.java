package io.fastrtc.jakarta.web.websocket;

import io.fastrtc.jakarta.runtime.socket.SocketRoute;
import jakarta.websocket.Endpoint;
import jakarta.websocket.server.ServerApplicationConfig;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.HashSet;
import java.util.Set;

/**
 * Registers the WebSocket routes: FastRTC's root paths for the default stream and the same routes
 * under {@code /streams/<name>/} for every stream. One endpoint class serves the four paths; each
 * registration tells it its {@link SocketRoute}.
 */
public class SocketRoutes implements ServerApplicationConfig {

  /** The prefix of the per-stream routes; {@code {name}} is the stream. */
  private static final String STREAM = "/streams/{name}";

  @Override
  public Set<ServerEndpointConfig> getEndpointConfigs(Set<Class<? extends Endpoint>> scanned) {
    Set<ServerEndpointConfig> configs = new HashSet<>();
    for (SocketRoute route : SocketRoute.values()) {
      configs.add(config(route, route.path()));
      configs.add(config(route, STREAM + route.path()));
    }
    return configs;
  }

  private static ServerEndpointConfig config(SocketRoute route, String path) {
    ServerEndpointConfig config =
        ServerEndpointConfig.Builder.create(SocketEndpoint.class, path).build();
    config.getUserProperties().put(SocketEndpoint.ROUTE, route);
    return config;
  }

  @Override
  public Set<Class<?>> getAnnotatedEndpointClasses(Set<Class<?>> scanned) {
    return Set.of();
  }
}
