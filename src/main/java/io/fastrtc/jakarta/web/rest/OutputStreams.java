package io.fastrtc.jakarta.web.rest;

import io.fastrtc.jakarta.api.OutputEvent;
import io.fastrtc.jakarta.api.OutputSubscriber;
import io.fastrtc.jakarta.api.StreamConnections;
import io.fastrtc.jakarta.api.UnknownConnectionException;
import io.fastrtc.jakarta.runtime.cluster.Cluster;
import io.fastrtc.jakarta.runtime.wire.ErrorCode;
import io.fastrtc.jakarta.runtime.wire.OutputEvents;
import io.fastrtc.jakarta.runtime.wire.Routes;
import io.fastrtc.jakarta.runtime.wire.SignalResponse;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The shared body of the two output routes: a Server-Sent Events stream of one connection's
 * additional outputs ({@code event: output}, {@code id: <sequence>}, data the JSON array of
 * values), fed by {@link StreamConnections#subscribe}. It resumes after {@code Last-Event-ID} and
 * ends when the connection closes. In a cluster, a connection another node owns is read from the
 * cluster's copy of its outputs ({@link ClusterRoute#subscribeRemote}), with the same ids.
 */
final class OutputStreams {
  private static final long SEND_TIMEOUT_SECONDS = 10;

  private OutputStreams() {}

  static void open(
      StreamConnections connections,
      Optional<String> stream,
      String webrtcId,
      String lastEventId,
      SseEventSink sink,
      Sse sse,
      ClusterRoute cluster) {
    if (webrtcId == null || webrtcId.isEmpty()) {
      throw fail(
          SignalResponse.rejected(
              400, ErrorCode.INVALID_REQUEST, "missing query parameter " + Routes.WEBRTC_ID));
    }
    Optional<String> owner = connections.streamOf(webrtcId);
    long after = parseLastEventId(lastEventId);
    if (owner.isEmpty()) {
      SseSubscriber remote = new SseSubscriber(sink, sse);
      if (cluster.subscribeRemote(webrtcId, after, remote)) {
        return; // another node owns it: its outputs come through the cluster
      }
    }
    if (owner.isEmpty() || (stream.isPresent() && !stream.equals(owner))) {
      throw fail(InputHook.unknown(new UnknownConnectionException(webrtcId), stream));
    }
    // A comment first, so the client sees the stream open before the first output.
    sink.send(sse.newEventBuilder().comment("outputs of " + webrtcId).build());
    try {
      connections.subscribe(webrtcId, after, new SseSubscriber(sink, sse));
    } catch (UnknownConnectionException e) {
      sink.close(); // closed in between
    }
  }

  private static long parseLastEventId(String lastEventId) {
    if (lastEventId == null || lastEventId.isBlank()) {
      return 0;
    }
    try {
      return Math.max(0, Long.parseLong(lastEventId.trim()));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static WebApplicationException fail(SignalResponse response) {
    return new WebApplicationException(Bodies.toResponse(response));
  }

  /** Writes outputs to one SSE client; a failed or timed-out write ends the subscription. */
  private static final class SseSubscriber implements OutputSubscriber, Cluster.OutputListener {
    private final SseEventSink sink;
    private final Sse sse;

    SseSubscriber(SseEventSink sink, Sse sse) {
      this.sink = sink;
      this.sse = sse;
    }

    @Override
    public void onOutput(OutputEvent event) throws Exception {
      send(
          sse.newEventBuilder()
              .name(Routes.OUTPUT_EVENT)
              .id(Long.toString(event.sequence()))
              .data(OutputEvents.data(event))
              .build());
    }

    @Override
    public void onOutput(long sequence, String data) throws Exception {
      send(
          sse.newEventBuilder()
              .name(Routes.OUTPUT_EVENT)
              .id(Long.toString(sequence))
              .data(data)
              .build());
    }

    @Override
    public void onMissed(long count) throws Exception {
      send(
          sse.newEventBuilder()
              .name(Routes.OVERFLOW_EVENT)
              .data(OutputEvents.overflow(count))
              .build());
    }

    @Override
    public void onEnd() {
      sink.close();
    }

    private void send(OutboundSseEvent event) throws Exception {
      if (sink.isClosed()) {
        throw new IllegalStateException("the client closed its output stream");
      }
      sink.send(event).toCompletableFuture().get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
  }
}
