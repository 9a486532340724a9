package io.fastrtc.jakarta.runtime.webrtc;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.fastrtc.jakarta.api.HandlerLifecycle;
import io.fastrtc.jakarta.runtime.FastRtcEngine;
import io.fastrtc.jakarta.runtime.config.Settings;
import io.fastrtc.jakarta.runtime.connection.Connection;
import io.fastrtc.jakarta.runtime.connection.HandlerLease;
import io.fastrtc.jakarta.runtime.connection.RuntimeMetrics;
import io.fastrtc.jakarta.runtime.stream.StreamDefinition;
import io.fastrtc.jakarta.runtime.wire.OfferRequest;
import io.fastrtc.jakarta.runtime.wire.SignalResponse;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;

/**
 * The real engine ({@link FastRtcEngine}: signalling, connections, peer sessions, the audio clock,
 * libwebrtc), built as the application builds it but with plain executors, behind a JDK HTTP
 * server, without Liberty or CDI: {@code POST <base>/streams/<name>/webrtc/offer}. For native tests
 * of media paths that need no container; the ITs cover the same paths on Liberty.
 */
final class InProcessServer implements AutoCloseable {
  private final HttpServer http;
  private final ExecutorService httpThreads = Executors.newFixedThreadPool(2);
  private final ExecutorService handlerThreads = Executors.newCachedThreadPool();
  private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
  private final ValidatorFactory validation = Validation.buildDefaultValidatorFactory();
  private final FastRtcEngine engine;
  private final Map<String, StreamDefinition> streams = new ConcurrentHashMap<>();
  private final Map<Class<?>, Supplier<? extends HandlerLifecycle>> factories =
      new ConcurrentHashMap<>();
  private final List<Object> outputs = new CopyOnWriteArrayList<>();

  InProcessServer() throws IOException {
    engine =
        FastRtcEngine.builder(Settings.defaults())
            .executor(handlerThreads)
            .scheduler(scheduler)
            .threads(Thread::new)
            .handlers(this::lease)
            .validator(validation.getValidator())
            .beforeWebRtcDispose(this::awaitHandlerThreads)
            .build();
    if (engine.unavailableReason() != null) {
      engine.stop();
      throw new IllegalStateException(engine.unavailableReason());
    }
    http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    http.createContext("/streams/", this::handle);
    http.setExecutor(httpThreads);
    http.start();
  }

  /** Deploys a stream whose handler comes from {@code factory}. */
  <T extends HandlerLifecycle> InProcessServer stream(Class<T> type, Supplier<T> factory) {
    StreamDefinition d = StreamDefinition.of(type);
    streams.put(d.name(), d);
    factories.put(type, factory);
    return this;
  }

  /** The base URL of a stream, for {@code ClientPeer.builder}. */
  String url(String stream) {
    return "http://127.0.0.1:" + http.getAddress().getPort() + "/streams/" + stream;
  }

  /** Every additional output any connection delivered, in order. */
  List<Object> outputs() {
    return outputs;
  }

  RuntimeMetrics metrics() {
    return engine.metrics();
  }

  private HandlerLease lease(StreamDefinition d) {
    return new HandlerLease(factories.get(d.handlerClass()).get(), () -> {});
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      String name = path.substring("/streams/".length(), path.indexOf("/webrtc/offer"));
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      OfferRequest request = OfferRequest.parse(body);
      SignalResponse response = engine.signaling().handle(streams.get(name), request);
      if (!request.isCandidate()) {
        engine.registry().find(request.webrtcId()).ifPresent(this::listen);
      }
      byte[] bytes = response.json().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(response.httpStatus(), bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  private void listen(Connection connection) {
    connection.onOutputs(outputs::addAll);
  }

  /**
   * Stops the connections, lets closes already running on the executor finish, then disposes
   * libwebrtc: disposing the factory under a peer that is still closing crashes the process. Late
   * libwebrtc callbacks meet a stopped executor, which the peer sessions tolerate.
   */
  @Override
  public void close() {
    http.stop(0);
    engine.stop();
    scheduler.shutdownNow();
    httpThreads.shutdownNow();
    validation.close();
  }

  private void awaitHandlerThreads() {
    handlerThreads.shutdown();
    try {
      handlerThreads.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
