package io.fastrtc.jakarta.runtime.socket;

import static io.fastrtc.jakarta.testing.Generated.forAll;
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
import io.fastrtc.jakarta.testing.Gen;
import io.fastrtc.jakarta.testing.Generated;
import io.fastrtc.jakarta.testing.RecordingHandler;
import jakarta.websocket.CloseReason;
import jakarta.websocket.CloseReason.CloseCodes;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Fuzzing both socket protocols (FastRTC's and Twilio's) through a real {@link SocketSession} on a
 * fake socket: any sequence of frames within the message policy is answered or ignored, never
 * crashes the session, and never closes the socket with 1011 (internal error). Plain JUnit property
 * tests over seeded generators ({@link Generated}).
 */
class SocketInputPropertiesTest {
  @RealtimeStream(name = "fuzz", modality = Modality.AUDIO)
  static class Handler extends RecordingHandler {}

  private static final ScheduledExecutorService SCHEDULER =
      Executors.newSingleThreadScheduledExecutor();
  private static final RuntimeServices SERVICES =
      new RuntimeServices(
          Runnable::run, SCHEDULER, (in, out) -> Resampler.identity(in), new RuntimeMetrics());
  private static final StreamDefinition STREAM = StreamDefinition.of(Handler.class);

  @AfterAll
  static void stop() {
    SCHEDULER.shutdownNow();
  }

  private static final Gen<List<String>> FRAME_LISTS =
      Generated.oneOf(
              Generated.of(
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
              Generated.strings(40))
          .list(12);

  record Input(SocketRoute route, List<String> frames) {}

  @Test
  void anyFramesOnEitherProtocolAreAnsweredNeverCrashed() {
    forAll(
        300,
        r -> new Input(Generated.of(SocketRoute.values()).next(r), FRAME_LISTS.next(r)),
        input -> {
          FakeSocket socket = new FakeSocket();
          SocketSession session =
              new SocketSessions(
                      new ConnectionRegistry(SERVICES),
                      SERVICES,
                      d -> new HandlerLease(new Handler(), () -> {}),
                      (c, values) -> {})
                  .open(input.route(), STREAM, socket.session);
          for (String frame : input.frames()) {
            session.onTextPart(frame, true);
          }
          session.onBinary();
          CloseReason closed = socket.closeReason();
          if (closed != null) {
            assertThat(closed.getCloseCode()).isNotEqualTo(CloseCodes.UNEXPECTED_CONDITION);
          }
          assertThat(socket.sent).noneMatch(m -> m.contains("internal error"));
          session.onSocketClosed();
        });
  }
}
