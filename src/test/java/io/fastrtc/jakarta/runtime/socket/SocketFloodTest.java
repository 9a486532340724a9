package io.fastrtc.jakarta.runtime.socket;

import static org.assertj.core.api.Assertions.assertThat;

import io.fastrtc.jakarta.api.Modality;
import io.fastrtc.jakarta.api.RealtimeStream;
import io.fastrtc.jakarta.runtime.audio.Resampler;
import io.fastrtc.jakarta.runtime.connection.ConnectionRegistry;
import io.fastrtc.jakarta.runtime.connection.HandlerLease;
import io.fastrtc.jakarta.runtime.connection.RuntimeMetrics;
import io.fastrtc.jakarta.runtime.connection.RuntimeServices;
import io.fastrtc.jakarta.runtime.stream.StreamDefinition;
import io.fastrtc.jakarta.testing.FakeSocket;
import io.fastrtc.jakarta.testing.RecordingHandler;
import jakarta.websocket.CloseReason;
import jakarta.websocket.CloseReason.CloseCodes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The socket message policy (a flood is told why and closed with 1008, never 1011) and the
 * connection log lines, on a real session over a fake socket.
 */
class SocketFloodTest {
  @RealtimeStream(name = "flood", modality = Modality.AUDIO)
  static class Echo extends RecordingHandler {}

  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final RuntimeServices services =
      new RuntimeServices(
          Runnable::run, scheduler, (in, out) -> Resampler.identity(in), new RuntimeMetrics());
  private final ConnectionRegistry registry = new ConnectionRegistry(services);
  private final StreamDefinition stream = StreamDefinition.of(Echo.class);
  private final List<LogRecord> records = new ArrayList<>();
  private final Logger connectionLog =
      Logger.getLogger("io.fastrtc.jakarta.runtime.connection.ConnectionLog");
  private final Handler capture =
      new Handler() {
        @Override
        public synchronized void publish(LogRecord r) {
          records.add(r);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  SocketFloodTest() {
    connectionLog.addHandler(capture);
  }

  @AfterEach
  void tearDown() {
    connectionLog.removeHandler(capture);
    scheduler.shutdownNow();
  }

  private SocketSession open(FakeSocket socket, SocketSessions.Limits limits) {
    return new SocketSessions(
            registry, services, d -> new HandlerLease(new Echo(), () -> {}), (c, v) -> {}, limits)
        .open(SocketRoute.WEBSOCKET, stream, socket.session);
  }

  @Test
  void aFloodOfPingsIsToldWhyAndClosedWith1008() {
    FakeSocket socket = new FakeSocket();
    SocketSession session = open(socket, new SocketSessions.Limits(50, 1 << 20, 1 << 18));
    session.onTextPart("{\"event\":\"start\",\"websocket_id\":\"flooder\"}", true);
    for (int i = 0; i < 500 && socket.closeReason() == null; i++) {
      session.onTextPart("{\"event\":\"ping\"}", true);
    }

    CloseReason closed = socket.awaitClosed();
    assertThat(closed.getCloseCode()).isEqualTo(CloseCodes.VIOLATED_POLICY);
    assertThat(closed.getReasonPhrase()).isEqualTo("message rate exceeded");
    assertThat(socket.sent)
        .contains(
            "{\"type\":\"error\",\"message\":\"message rate exceeded: more than 50 messages per"
                + " second; closing the socket (1008)\"}");
    assertThat(socket.matching(m -> m.equals("{\"event\":\"pong\"}"))).hasSizeLessThan(60);
    assertThat(registry.all()).isEmpty();
  }

  @Test
  void tooManyCharactersPerSecondIsAFloodToo() {
    FakeSocket socket = new FakeSocket();
    SocketSession session = open(socket, new SocketSessions.Limits(1000, 10_000, 10_000));
    String big = "{\"event\":\"ping\",\"pad\":\"" + "x".repeat(4000) + "\"}";
    for (int i = 0; i < 10 && socket.closeReason() == null; i++) {
      session.onTextPart(big, true);
    }

    assertThat(socket.awaitClosed().getCloseCode()).isEqualTo(CloseCodes.VIOLATED_POLICY);
    assertThat(socket.sent).anyMatch(m -> m.contains("more than 10000 characters per second"));
  }

  @Test
  void aClientWithinTheRateIsNeverClosed() throws Exception {
    FakeSocket socket = new FakeSocket();
    SocketSession session = open(socket, new SocketSessions.Limits(50, 1 << 20, 1 << 18));
    session.onTextPart("{\"event\":\"start\",\"websocket_id\":\"calm\"}", true);
    for (int i = 0; i < 60; i++) {
      session.onTextPart("{\"event\":\"ping\"}", true);
      TimeUnit.MILLISECONDS.sleep(25); // 40 messages per second
    }

    assertThat(socket.closeReason()).isNull();
    session.onSocketClosed();
  }

  @Test
  void aMessageOverTheSizeLimitIsAnsweredAndTheSocketStaysOpen() {
    FakeSocket socket = new FakeSocket();
    SocketSession session = open(socket, new SocketSessions.Limits(50, 1 << 20, 100));
    session.onTextPart("{\"event\":\"ping\",\"pad\":\"" + "x".repeat(200) + "\"}", true);

    assertThat(socket.sent.get(0)).contains("message too large: 225 characters, the limit is 100");
    assertThat(socket.closeReason()).isNull();
  }

  @Test
  void aConnectionLogsOneLineWhenItOpensAndOneWhenItEnds() {
    FakeSocket socket = new FakeSocket();
    SocketSession session = open(socket, SocketSessions.Limits.DEFAULTS);
    session.onTextPart("{\"event\":\"start\",\"websocket_id\":\"log \\\"me\\\"\"}", true);
    session.onTextPart("{\"event\":\"stop\"}", true);

    assertThat(records).hasSize(2).allMatch(r -> r.getLevel() == Level.INFO);
    assertThat(records.get(0).getMessage())
        .isEqualTo(
            "Connection opened: id=\"log \\\"me\\\"\" stream=flood transport=websocket"
                + " remote=unknown");
    assertThat(records.get(1).getMessage())
        .startsWith(
            "Connection closed: id=\"log \\\"me\\\"\" stream=flood transport=websocket"
                + " remote=unknown duration=")
        .endsWith("s reason=client_closed");
  }
}
