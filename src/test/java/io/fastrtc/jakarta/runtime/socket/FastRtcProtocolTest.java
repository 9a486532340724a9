package io.fastrtc.jakarta.runtime.socket;

import static org.assertj.core.api.Assertions.assertThat;

import io.fastrtc.jakarta.api.AudioFrame;
import io.fastrtc.jakarta.api.Emission;
import io.fastrtc.jakarta.api.Modality;
import io.fastrtc.jakarta.api.RealtimeStream;
import io.fastrtc.jakarta.api.StreamException;
import io.fastrtc.jakarta.runtime.audio.MuLaw;
import io.fastrtc.jakarta.runtime.audio.Resampler;
import io.fastrtc.jakarta.runtime.connection.Connection;
import io.fastrtc.jakarta.runtime.connection.ConnectionRegistry;
import io.fastrtc.jakarta.runtime.connection.ConnectionTicks;
import io.fastrtc.jakarta.runtime.connection.HandlerLease;
import io.fastrtc.jakarta.runtime.connection.RuntimeMetrics;
import io.fastrtc.jakarta.runtime.connection.RuntimeServices;
import io.fastrtc.jakarta.runtime.stream.StreamDefinition;
import io.fastrtc.jakarta.testing.Audio;
import io.fastrtc.jakarta.testing.Await;
import io.fastrtc.jakarta.testing.FakeSocket;
import io.fastrtc.jakarta.testing.RecordingHandler;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.websocket.CloseReason.CloseCodes;
import java.io.StringReader;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** FastRTC's WebSocket protocol, driven through a fake socket; handler calls run inline. */
class FastRtcProtocolTest {
  @RealtimeStream(
      name = "ws",
      modality = Modality.AUDIO,
      inputSampleRate = 16_000,
      outputSampleRate = 8_000)
  static class Handler extends RecordingHandler {}

  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final RuntimeServices services =
      new RuntimeServices(
          Runnable::run, scheduler, FastRtcProtocolTest::identity, new RuntimeMetrics());
  private final ConnectionRegistry registry = new ConnectionRegistry(services);
  private final StreamDefinition stream = StreamDefinition.of(Handler.class);
  private final Handler handler = new Handler();
  private final FakeSocket socket = new FakeSocket();
  private final SocketSession session = open(socket, handler);

  private static Resampler identity(int in, int out) {
    assertThat(in).as("no resampling on the WebSocket path").isEqualTo(out);
    return Resampler.identity(in);
  }

  private SocketSession open(FakeSocket s, RecordingHandler h) {
    return open(stream, s, h);
  }

  private SocketSession open(StreamDefinition definition, FakeSocket s, RecordingHandler h) {
    return new SocketSessions(
            registry, services, d -> new HandlerLease(h, () -> {}), (c, values) -> {})
        .open(SocketRoute.WEBSOCKET, definition, s.session);
  }

  @AfterEach
  void stopScheduler() {
    scheduler.shutdownNow();
  }

  private static String start(String id) {
    return "{\"event\":\"start\",\"websocket_id\":\"" + id + "\"}";
  }

  private static String media(short[] pcm) {
    return "{\"event\":\"media\",\"media\":{\"payload\":\""
        + Base64.getEncoder().encodeToString(MuLaw.encode(pcm))
        + "\"}}";
  }

  private static JsonObject json(String text) {
    return Json.createReader(new StringReader(text)).readObject();
  }

  private static short[] payload(String mediaMessage) {
    return MuLaw.decode(
        Base64.getDecoder().decode(json(mediaMessage).getJsonObject("media").getString("payload")));
  }

  private Connection started() {
    session.onText(start("ws-1"));
    assertThat(session.connection()).isNotNull();
    return session.connection();
  }

  /**
   * Starts and sends one 20 ms input frame, after which the handler's queued emissions are drained
   * (the drain right after startUp may find the connection not yet STARTED).
   */
  private Connection startedAndEmitting() {
    Connection c = started();
    session.onText(media(new short[320]));
    return c;
  }

  @Test
  void openingASocketBoundsItsTextFrames() {
    FakeSocket s = new FakeSocket();
    open(s, new Handler());
    assertThat(s.maxTextMessageSize()).isEqualTo(256 * 1024);
  }

  @Test
  void pingIsAnsweredWithPongBeforeAndAfterStart() {
    session.onText("{\"event\":\"ping\"}");
    started();
    session.onText("{\"event\":\"ping\"}");
    assertThat(socket.matching("{\"event\":\"pong\"}"::equals)).hasSize(2);
  }

  @Test
  void startAdmitsTheConnectionAndStartsTheHandler() {
    Connection c = started();
    assertThat(handler.startUps).hasValue(1);
    assertThat(handler.context.connectionId()).isEqualTo("ws-1");
    assertThat(handler.context.isPhone()).isFalse();
    assertThat(registry.find("ws-1")).containsSame(c);
  }

  @Test
  void mediaAtTheInputRateReachesTheHandlerIn20MillisecondFrames() {
    started();
    short[] tone = Audio.sine(440, 0.05, 16_000, 0.5); // 800 samples: two frames and a rest
    session.onText(media(tone));
    assertThat(handler.received).hasSize(2);
    AudioFrame first = handler.received.get(0);
    assertThat(first.sampleRate()).isEqualTo(16_000);
    assertThat(first.sampleCount()).isEqualTo(320);
    assertThat(first.samples())
        .isEqualTo(java.util.Arrays.copyOf(MuLaw.decode(MuLaw.encode(tone)), 320));
  }

  @Test
  void outputLeavesIn40MillisecondMessagesAndNothingIsSentWhileIdle() {
    handler.toEmit.add(Emission.audio(AudioFrame.mono(8_000, Audio.sine(1000, 0.1, 8_000, 0.5))));
    Connection c = startedAndEmitting();

    ConnectionTicks.tick(c, 10); // 100 ms of audio: two full messages, 20 ms left over
    assertThat(socket.matching(m -> m.contains("\"media\""))).hasSize(2);
    ConnectionTicks.tick(c, 1); // the buffer is empty: the rest leaves at once
    ConnectionTicks.tick(c, 20); // then nothing, however long the silence
    List<String> media = socket.matching(m -> m.contains("\"media\""));
    assertThat(media).hasSize(3);
    assertThat(payload(media.get(0))).hasSize(320);
    assertThat(payload(media.get(2))).hasSize(160);
    assertThat(json(media.get(0)).keySet()).containsExactly("event", "media");
  }

  @Test
  void aFlushDropsQueuedAudioAndSendsClear() {
    handler.toEmit.add(Emission.audio(AudioFrame.mono(8_000, new short[8_000])));
    Connection c = startedAndEmitting();
    ConnectionTicks.tick(c, 6); // one message sent, 20 ms in the packetizer

    long dropped = handler.context.flushAudio();
    ConnectionTicks.tick(c, 10);

    assertThat(dropped).isEqualTo(940);
    assertThat(socket.sent).last().isEqualTo("{\"event\":\"clear\"}");
    assertThat(socket.matching(m -> m.contains("\"media\""))).hasSize(1);
  }

  @Test
  void aFlushWithNothingQueuedOrRecentlySentSendsNoClear() {
    started();
    assertThat(handler.context.flushAudio()).isZero();
    assertThat(socket.matching(m -> m.contains("clear"))).isEmpty();
  }

  @Test
  void stopClosesTheSocketAndCallsShutdownOnce() {
    Connection c = started();
    session.onText("{\"event\":\"stop\"}");
    assertThat(socket.awaitClosed().getCloseCode()).isEqualTo(CloseCodes.NORMAL_CLOSURE);
    session.onSocketClosed();
    assertThat(c.isOpen()).isFalse();
    assertThat(handler.shutdowns).hasValue(1);
    assertThat(registry.find("ws-1")).isEmpty();
  }

  @Test
  void theClientLeavingClosesTheConnectionAndCallsShutdown() {
    started();
    session.onSocketClosed();
    assertThat(handler.shutdowns).hasValue(1);
    assertThat(registry.all()).isEmpty();
  }

  @Test
  void startBeyondTheLimitGetsTheContractsFailureAndACloseWhileTheFirstKeepsRunning() {
    Connection first = started();
    FakeSocket second = new FakeSocket();
    RecordingHandler other = new Handler();
    open(second, other).onText(start("ws-2"));

    assertThat(second.sent)
        .containsExactly(
            "{\"status\":\"failed\",\"meta\":{\"error\":\"concurrency_limit_reached\",\"limit\":1}}");
    assertThat(second.awaitClosed().getCloseCode()).isEqualTo(CloseCodes.TRY_AGAIN_LATER);
    assertThat(other.startUps).hasValue(0);
    assertThat(first.isOpen()).isTrue();
  }

  @Test
  void aDuplicateIdIsRefused() {
    started();
    FakeSocket second = new FakeSocket();
    StreamDefinition roomy = stream.withLimits(5, 0);
    open(roomy, second, new Handler()).onText(start("ws-1"));
    assertThat(second.sent)
        .containsExactly(
            "{\"status\":\"failed\",\"meta\":{\"error\":\"connection_already_exists\"}}");
    assertThat(second.awaitClosed().getCloseCode()).isEqualTo(CloseCodes.VIOLATED_POLICY);
  }

  @Test
  void badMessagesGetOneClearAnswerEachAndChangeNothing() {
    session.onText("not json");
    session.onText("[1,2]");
    session.onText("{\"media\":{}}");
    session.onText(media(new short[160]));
    session.onText("{\"event\":\"start\"}");
    session.onText("{\"event\":\"dance\"}");
    session.onText("{\"event\":\"dance\"}");
    session.onBinary();

    assertThat(socket.sent)
        .containsExactly(
            "{\"type\":\"error\",\"message\":\"invalid message: the message is not valid JSON:"
                + socket.sent.get(0).substring(socket.sent.get(0).indexOf(" JSON:") + 6),
            "{\"type\":\"error\",\"message\":\"media before start: send"
                + " {\\\"event\\\":\\\"start\\\",\\\"websocket_id\\\":\\\"...\\\"} first\"}",
            "{\"type\":\"error\",\"message\":\"\\\"start\\\" needs a string at websocket_id\"}",
            "{\"type\":\"warning\",\"message\":\"unknown event \\\"dance\\\" ignored; expected"
                + " start, media, stop or ping\"}",
            "{\"type\":\"error\",\"message\":\"binary frames are not supported; send JSON text"
                + " frames\"}");
    assertThat(socket.closeReason()).isNull();
    started();
    assertThat(handler.startUps).hasValue(1);
  }

  @Test
  void distinctProblemsWithTheSameEventAreEachAnswered() {
    session.onText("{\"event\":\"start\",\"websocket_id\":\"\"}");
    session.onText("{\"event\":\"start\",\"websocket_id\":\"\"}");
    started();
    session.onText(start("again"));
    assertThat(socket.matching(m -> m.contains("\"type\":\"error\"")))
        .hasSize(2)
        .anySatisfy(m -> assertThat(m).contains("1 to 128 characters"))
        .anySatisfy(m -> assertThat(m).contains("already started"));
  }

  @Test
  void aSecondStartIsAnErrorAndKeepsTheFirst() {
    Connection c = started();
    session.onText(start("other"));
    assertThat(socket.sent).last().asString().contains("already started as \\\"ws-1\\\"");
    assertThat(session.connection()).isSameAs(c);
    assertThat(registry.find("other")).isEmpty();
  }

  @Test
  void aHandlerErrorReachesTheClientBeforeTheSocketCloses() {
    started();
    handler.failOnReceive = new StreamException("model unavailable");
    session.onText(media(new short[320]));

    assertThat(socket.awaitClosed().getCloseCode()).isEqualTo(CloseCodes.UNEXPECTED_CONDITION);
    assertThat(socket.sent)
        .last()
        .isEqualTo("{\"type\":\"error\",\"message\":\"model unavailable\"}");
    Await.until(() -> handler.shutdowns.get() == 1, Duration.ofSeconds(5), () -> "shutdown");
  }

  @Test
  void closeStreamSendsEndStreamAfterPlaybackThenCloses() {
    handler.toEmit.add(Emission.close("bye"));
    startedAndEmitting();
    assertThat(socket.awaitNext(m -> m.contains("end_stream")))
        .isEqualTo("{\"type\":\"end_stream\",\"data\":\"bye\"}");
    assertThat(socket.awaitClosed().getReasonPhrase()).isEqualTo("stream closed");
  }

  @Test
  void aClientThatStopsReadingFailsTheConnectionInsteadOfGrowingMemory() {
    Connection c = started();
    socket.hold();
    handler.toEmit.add(Emission.audio(AudioFrame.mono(8_000, new short[8_000 * 20])));
    session.onText(media(new short[320]));
    ConnectionTicks.tick(c, SocketSender.MAX_QUEUED * 4 + 8);
    Await.until(() -> !c.isOpen(), Duration.ofSeconds(5), () -> "still open");
    assertThat(c.endReason())
        .isEqualTo(io.fastrtc.jakarta.runtime.connection.EndReason.TRANSPORT_FAILED);
    socket.release();
    assertThat(socket.awaitClosed()).isNotNull();
  }

  @Test
  void receiveModeStreamsRefuseMediaPolitely() {
    @RealtimeStream(
        name = "gen",
        modality = Modality.AUDIO,
        mode = io.fastrtc.jakarta.api.Mode.RECEIVE,
        outputSampleRate = 8_000)
    class Generator extends RecordingHandler {}
    Generator generator = new Generator();
    FakeSocket s = new FakeSocket();
    SocketSession receiveOnly = open(StreamDefinition.of(Generator.class), s, generator);
    receiveOnly.onText(start("gen-1"));
    receiveOnly.onText(media(new short[320]));
    receiveOnly.onText(media(new short[320]));
    assertThat(generator.received).isEmpty();
    assertThat(s.matching(m -> m.contains("warning"))).hasSize(1);
  }

  @Test
  void closeCodesSayWhyTheConnectionEnded() {
    assertThat(
            SocketCloses.forWebSocket(io.fastrtc.jakarta.runtime.connection.EndReason.TIME_LIMIT))
        .satisfies(
            r -> {
              assertThat(r.getCloseCode()).isEqualTo(CloseCodes.NORMAL_CLOSURE);
              assertThat(r.getReasonPhrase()).isEqualTo("time limit reached");
            });
    assertThat(
            SocketCloses.forWebSocket(io.fastrtc.jakarta.runtime.connection.EndReason.SERVER_STOP)
                .getCloseCode())
        .isEqualTo(CloseCodes.GOING_AWAY);
  }
}
