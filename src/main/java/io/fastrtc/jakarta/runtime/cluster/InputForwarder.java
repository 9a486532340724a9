package io.fastrtc.jakarta.runtime.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Forwards a request for a connection that another node owns to that node: one HTTP hop to the
 * owner's {@code fastrtc.cluster.node-address}, carrying the caller's credentials and a loop guard
 * ({@value #FORWARDED_BY}), so a forwarded request is never forwarded again.
 */
public final class InputForwarder {
  /** The loop guard: the id of the node that forwarded the request. */
  public static final String FORWARDED_BY = "X-FastRTC-Forwarded-By";

  private static final Logger LOG = Logger.getLogger(InputForwarder.class.getName());

  /** The request headers passed on to the owner (credentials under single sign-on). */
  private static final String[] PASSED_ON = {"Authorization", "Cookie", "Content-Type"};

  private final Cluster cluster;
  private final Duration timeout;
  private final HttpClient http;

  /**
   * @param timeout the forwarded request's timeout (connect and answer)
   */
  public InputForwarder(Cluster cluster, Duration timeout) {
    this.cluster = cluster;
    this.timeout = timeout;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .version(HttpClient.Version.HTTP_1_1)
            .build();
  }

  /** The owner's answer: status, content type and body. */
  public record Forwarded(int status, String contentType, String body) {}

  /**
   * Forwards a POST to the node that owns {@code connectionId}, if another node owns it and the
   * request was not forwarded already.
   *
   * @param path the route below the application root, e.g. {@code /input_hook}
   * @param headers the request's headers, by name (any case); only credentials are passed on
   * @return the owner's answer, or empty when the request is to be answered here
   */
  public Optional<Forwarded> forwardPost(
      String connectionId, String path, String body, Map<String, String> headers) {
    if (!cluster.shared() || headers.containsKey(FORWARDED_BY)) {
      return Optional.empty();
    }
    Optional<String> owner = cluster.ownerAddress(connectionId);
    if (owner.isEmpty()) {
      return Optional.empty();
    }
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(owner.get() + path))
            .timeout(timeout)
            .header(FORWARDED_BY, cluster.nodeId())
            .POST(HttpRequest.BodyPublishers.ofString(body));
    for (String name : PASSED_ON) {
      String value = headers.get(name);
      if (value != null) {
        request.header(name, value);
      }
    }
    try {
      HttpResponse<String> answer =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return Optional.of(
          new Forwarded(
              answer.statusCode(),
              answer.headers().firstValue("Content-Type").orElse("application/json"),
              answer.body()));
    } catch (IOException e) {
      LOG.warning(() -> "Could not forward " + path + " to " + owner.get() + ": " + e);
      return Optional.of(unreachable(owner.get(), e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of(unreachable(owner.get(), e));
    }
  }

  private static Forwarded unreachable(String owner, Exception e) {
    String detail =
        ("the node that owns the connection (" + owner + ") did not answer: " + e)
            .replace("\\", "\\\\")
            .replace("\"", "'");
    return new Forwarded(
        502,
        "application/json",
        "{\"status\":\"failed\",\"meta\":{\"error\":\"cluster_unavailable\",\"detail\":\""
            + detail
            + "\"}}");
  }
}
