package io.fastrtc.jakarta.web.rest;

import io.fastrtc.jakarta.runtime.FastRtcEngine;
import io.fastrtc.jakarta.runtime.cluster.Cluster;
import io.fastrtc.jakarta.runtime.cluster.InputForwarder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A request for a connection this node does not have, in a cluster: {@code /input_hook} goes to the
 * owner node ({@link InputForwarder}, one hop), and {@code /outputs} reads the owner's outputs from
 * the cluster. On a single server both find nothing, and the route answers "unknown" as before.
 */
final class ClusterRoute {
  private final FastRtcEngine engine;
  private final HttpServletRequest request;

  ClusterRoute(FastRtcEngine engine, HttpServletRequest request) {
    this.engine = engine;
    this.request = request;
  }

  /** The owner node's answer to this POST, or empty when no other node owns the connection. */
  Optional<Response> forward(String connectionId, String body) {
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (String name :
        new String[] {InputForwarder.FORWARDED_BY, "Authorization", "Cookie", "Content-Type"}) {
      String value = request.getHeader(name);
      if (value != null) {
        headers.put(name, value);
      }
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return engine
        .forwarder()
        .forwardPost(connectionId, path, body, headers)
        .map(
            f ->
                Response.status(f.status())
                    .type(f.contentType())
                    .entity(f.body())
                    .header(InputForwarder.FORWARDED_BY, engine.cluster().nodeId())
                    .build());
  }

  /**
   * Subscribes to the outputs of a connection another node owns. Under single sign-on the cluster
   * does not know whose a connection is, so nothing is served from another node (the balancer sends
   * {@code /outputs} to the owner; docs/scaling.md).
   *
   * @return false when the cluster knows no such connection
   */
  boolean subscribeRemote(String connectionId, long after, Cluster.OutputListener listener) {
    Cluster cluster = engine.cluster();
    if (!cluster.shared()
        || engine.settings().security().enabled()
        || request.getHeader(InputForwarder.FORWARDED_BY) != null) {
      return false;
    }
    return cluster.subscribeOutputs(connectionId, after, listener);
  }
}
