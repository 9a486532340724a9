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
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Fuzzing both socket protocols (FastRTC's and Twilio's) through a real {@link SocketSession} on a
 * fake socket: any sequence of frames within the message policy is answered or ignored, never
 * crashes the session, and never closes the socket with 1011 (internal error).
 */
class SocketInputProperties {
  @RealtimeStream(name = "fuzz", modality = Modality.AUDIO)
  static class Handler extends RecordingHandler {}

  private static final ScheduledExecutorService SCHEDULER =
      Executors.newSingleThreadScheduledExecutor();
  private static final RuntimeServices SERVICES =
      new RuntimeServices(
          Runnable::run, SCHEDULER, (in, out) -> Resampler.identity(in), new RuntimeMetrics());
  private static final StreamDefinition STREAM = StreamDefinition.of(Handler.class);

  @AfterContainer
  static void stop() {
    SCHEDULER.shutdownNow();
  }

  @Property(tries = 300)
  void anyFramesOnEitherProtocolAreAnsweredNeverCrashed(
      @ForAll("routes") SocketRoute route, @ForAll("frameLists") List<String> frames) {
    FakeSocket socket = new FakeSocket();
    SocketSession session =
        new SocketSessions(
                new ConnectionRegistry(SERVICES),
                SERVICES,
                d -> new HandlerLease(new Handler(), () -> {}),
                (c, values) -> {})
            .open(route, STREAM, socket.session);
    for (String frame : frames) {
      session.onTextPart(frame, true);
    }
    session.onBinary();
    CloseReason closed = socket.closeReason();
    if (closed != null) {
      assertThat(closed.getCloseCode()).isNotEqualTo(CloseCodes.UNEXPECTED_CONDITION);
    }
    assertThat(socket.sent).noneMatch(m -> m.contains("internal error"));
    session.onSocketClosed();
  }

  @Provide
  Arbitrary<SocketRoute> routes() {
    return Arbitraries.of(SocketRoute.class);
  }

  @Provide
  Arbitrary<List<String>> frameLists() {
    Arbitrary<String> frame =
        Arbitraries.oneOf(
            Arbitraries.of(
                "{\"event\":\"start\",\"websocket_id\":\"f1\"}",
                "{\"event\":\"start\",\"websocket_id\":\"\"}",
                "{\"event\":\"start\",\"websocket_id\":7}",
                "{\"event\":\"start\",\"streamSid\":\"MZ1\",\"start\":{\"streamSid\":\"MZ1\"}}",
                "{\"event\":\"start\",\"start\":{\"mediaFormat\":{\"sampleRate\":1e999}}}",
                "{\"event\":\"start\",\"start\":{\"mediaFormat\":{\"sampleRate\":8000.5}}}",
                "{\"event\":\"start\",\"start\":{\"streamSid\":\"MZ2\",\"customParameters\":[]}}",
                "{\"event\":\"media\",\"media\":{\"payload\":\"AAAA\"}}",
                "{\"event\":\"media\",\"media\":{\"payload\":\"!!\"}}",
                "{\"event\":\"media\",\"media\":{\"payload\":\"\"}}",
                "{\"event\":\"media\",\"media\":{\"track\":\"outbound\",\"payload\":\"AAAA\"}}",
                "{\"event\":\"media\",\"media\":\"x\"}",
                "{\"event\":\"mark\",\"mark\":{\"name\":\"fastrtc-1\"}}",
                "{\"event\":\"mark\"}",
                "{\"event\":\"dtmf\",\"dtmf\":{\"digit\":\"4\"}}",
                "{\"event\":\"dtmf\",\"dtmf\":{\"digit\":4}}",
                "{\"event\":\"ping\"}",
                "{\"event\":\"stop\"}",
                "{\"event\":\"connected\"}",
                "{\"event\":null}",
                "{}{}",
                "{} x",
                "[]",
                "",
                "{\"event\":\"x\",\"event\":\"y\"}",
                "[".repeat(100)),
            Arbitraries.strings().ofMaxLength(40));
    return frame.list().ofMaxSize(12);
  }
}
