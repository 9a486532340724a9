package io.fastrtc.jakarta.runtime.socket;

import static org.assertj.core.api.Assertions.assertThat;

import io.fastrtc.jakarta.api.AudioFrame;
import io.fastrtc.jakarta.api.Emission;
import io.fastrtc.jakarta.api.Modality;
import io.fastrtc.jakarta.api.RealtimeStream;
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
import io.fastrtc.jakarta.testing.FakeSocket;
import io.fastrtc.jakarta.testing.RecordingHandler;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.websocket.CloseReason.CloseCodes;
import java.io.StringReader;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A scripted Twilio Media Streams call (connected, start, media, mark, dtmf, stop) against the
 * session, with an 8 kHz handler so no resampling is involved; the ITs cover resampling.
 */
class TwilioProtocolTest {
  @RealtimeStream(
      name = "phone",
      modality = Modality.AUDIO,
      inputSampleRate = 8_000,
      outputSampleRate = 8_000)
  static class Handler extends RecordingHandler {}

  static final String SID = "MZ18ad3ab5a668481ce02b83e7395059f0";

  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final RuntimeServices services =
      new RuntimeServices(
          Runnable::run, scheduler, (in, out) -> Resampler.identity(in), new RuntimeMetrics());
  private final ConnectionRegistry registry = new ConnectionRegistry(services);
  private final StreamDefinition stream = StreamDefinition.of(Handler.class);
  private final Handler handler = new Handler();
  private final FakeSocket socket = new FakeSocket();
  private final SocketSession call = open(socket, handler);

  private SocketSession open(FakeSocket s, RecordingHandler h) {
    return new SocketSessions(
            registry,
            services,
            d -> new HandlerLease(h, () -> {}),
            // An untyped stream: merging needs no validator.
            (call, values) ->
                call.updateInputs(
                    current -> call.definition().inputs().merge(current, values, null)))
        .open(SocketRoute.TELEPHONE, stream, s.session);
  }

  @AfterEach
  void stopScheduler() {
    scheduler.shutdownNow();
  }

  static final String CONNECTED =
      "{\"event\":\"connected\",\"protocol\":\"Call\",\"version\":\"1.0.0\"}";

  static String start(String sid) {
    return "{\"event\":\"start\",\"sequenceNumber\":\"1\",\"start\":{\"accountSid\":\"AC123\","
        + "\"streamSid\":\""
        + sid
        + "\",\"callSid\":\"CA123\",\"tracks\":[\"inbound\"],\"mediaFormat\":"
        + "{\"encoding\":\"audio/x-mulaw\",\"sampleRate\":8000,\"channels\":1},"
        + "\"customParameters\":{\"caller\":\"Jane\",\"lang\":\"en\"}},\"streamSid\":\""
        + sid
        + "\"}";
  }

  static String media(short[] pcm) {
    return "{\"event\":\"media\",\"sequenceNumber\":\"3\",\"media\":{\"track\":\"inbound\","
        + "\"chunk\":\"1\",\"timestamp\":\"5\",\"payload\":\""
        + Base64.getEncoder().encodeToString(MuLaw.encode(pcm))
        + "\"},\"streamSid\":\""
        + SID
        + "\"}";
  }

  static String mark(String name) {
    return "{\"event\":\"mark\",\"sequenceNumber\":\"4\",\"streamSid\":\""
        + SID
        + "\",\"mark\":{\"name\":\""
        + name
        + "\"}}";
  }

  static final String STOP =
      "{\"event\":\"stop\",\"sequenceNumber\":\"5\",\"stop\":{\"accountSid\":\"AC123\","
          + "\"callSid\":\"CA123\"},\"streamSid\":\""
          + SID
          + "\"}";

  private static JsonObject json(String text) {
    return Json.createReader(new StringReader(text)).readObject();
  }

  private Connection started() {
    call.onText(CONNECTED);
    call.onText(start(SID));
    assertThat(call.connection()).isNotNull();
    return call.connection();
  }

  /**
   * Starts and sends one 20 ms inbound frame, after which the handler's queued emissions are
   * drained (the drain right after startUp may find the connection not yet STARTED).
   */
  private Connection startedAndEmitting() {
    Connection c = started();
    call.onText(media(new short[160]));
    return c;
  }

  @Test
  void startAdmitsTheCallByStreamSidWithTheCustomParametersAsInputs() {
    Connection c = started();
    assertThat(c.id()).isEqualTo(SID);
    assertThat(handler.startUps).hasValue(1);
    assertThat(handler.context.isPhone()).isTrue();
    assertThat(handler.context.latestInputs())
        .containsOnly(Map.entry("caller", "Jane"), Map.entry("lang", "en"));
    assertThat(socket.sent).as("Twilio is sent nothing it does not expect").isEmpty();
  }

  @Test
  void inboundMediaReachesTheHandler() {
    started();
    short[] tone = Audio.sine(440, 0.04, 8_000, 0.5);
    call.onText(media(tone));
    assertThat(handler.received).hasSize(2);
    assertThat(handler.received.get(0).samples())
        .isEqualTo(java.util.Arrays.copyOf(MuLaw.decode(MuLaw.encode(tone)), 160));
  }

  @Test
  void outboundMediaCarriesTheStreamSidIn20MillisecondMessagesThenAMark() {
    short[] tone = Audio.sine(1000, 0.05, 8_000, 0.5);
    handler.toEmit.add(Emission.audio(AudioFrame.mono(8_000, tone)));
    Connection c = startedAndEmitting();

    ConnectionTicks.tick(c, 7);
    List<String> media = socket.matching(m -> m.startsWith("{\"event\":\"media\""));
    assertThat(media).hasSize(3);
    assertThat(socket.matching(m -> m.contains("mark"))).as("a short gap is no end").isEmpty();
    ConnectionTicks.tick(c, TwilioPlayback.MARK_AFTER_SILENT_TICKS - 1);
    JsonObject first = json(media.get(0));
    assertThat(first.getString("streamSid")).isEqualTo(SID);
    byte[] payload = Base64.getDecoder().decode(first.getJsonObject("media").getString("payload"));
    assertThat(payload).hasSize(160).isEqualTo(java.util.Arrays.copyOf(MuLaw.encode(tone), 160));
    assertThat(json(media.get(2)).getJsonObject("media").getString("payload"))
        .as("the last 10 ms leave when the burst ends")
        .hasSize(108);
    String mark = socket.sent.get(socket.sent.size() - 1);
    assertThat(json(mark).getString("event")).isEqualTo("mark");
    assertThat(json(mark).getString("streamSid")).isEqualTo(SID);

    ConnectionTicks.tick(c, 5);
    assertThat(socket.sent).as("silence sends nothing").hasSize(4);
    call.onText(mark(json(mark).getJsonObject("mark").getString("name")));
    assertThat(((TwilioProtocol) call.protocol()).playbacksEnded()).isEqualTo(1);
  }

  @Test
  void aFlushSendsClearWithTheStreamSidSoTwilioStopsPlaying() {
    handler.toEmit.add(Emission.audio(AudioFrame.mono(8_000, new short[8_000])));
    Connection c = startedAndEmitting();
    ConnectionTicks.tick(c, 5);

    handler.context.flushAudio();
    ConnectionTicks.tick(c, 5);

    assertThat(socket.sent).last().isEqualTo("{\"event\":\"clear\",\"streamSid\":\"" + SID + "\"}");
    assertThat(socket.matching(m -> m.contains("\"media\""))).hasSize(2);
  }

  @Test
  void aFlushAfterPlaybackWasConfirmedSendsNoClear() {
    handler.toEmit.add(Emission.audio(AudioFrame.mono(8_000, new short[160])));
    Connection c = startedAndEmitting();
    ConnectionTicks.tick(c, 2 + TwilioPlayback.MARK_AFTER_SILENT_TICKS);
    String mark = socket.sent.get(socket.sent.size() - 1);
    call.onText(mark(json(mark).getJsonObject("mark").getString("name")));

    handler.context.flushAudio();
    assertThat(socket.matching(m -> m.contains("clear"))).isEmpty();
  }

  @Test
  void dtmfDigitsJoinTheInputs() {
    started();
    call.onText(
        "{\"event\":\"dtmf\",\"streamSid\":\""
            + SID
            + "\",\"sequenceNumber\":\"5\","
            + "\"dtmf\":{\"track\":\"inbound_track\",\"digit\":\"4\"}}");
    call.onText(
        "{\"event\":\"dtmf\",\"streamSid\":\""
            + SID
            + "\",\"sequenceNumber\":\"6\","
            + "\"dtmf\":{\"track\":\"inbound_track\",\"digit\":\"2\"}}");
    assertThat(handler.context.latestInputs())
        .containsEntry("caller", "Jane")
        .containsEntry("dtmf", "42");
  }

  @Test
  void waitingForInputsOnACallReturnsAtOnceWithoutAsking() throws Exception {
    started();
    long t0 = System.nanoTime();
    assertThat(handler.context.waitForInputs(java.time.Duration.ofSeconds(5))).isFalse();
    assertThat(System.nanoTime() - t0).isLessThan(1_000_000_000L);
    assertThat(socket.sent).as("no send_input to Twilio").isEmpty();
  }

  @Test
  void stopEndsTheCallAndCallsShutdown() {
    Connection c = started();
    call.onText(STOP);
    assertThat(socket.awaitClosed().getCloseCode()).isEqualTo(CloseCodes.NORMAL_CLOSURE);
    assertThat(c.isOpen()).isFalse();
    assertThat(handler.shutdowns).hasValue(1);
    assertThat(registry.all()).isEmpty();
  }

  @Test
  void callsCountAgainstTheLimit() {
    started();
    FakeSocket second = new FakeSocket();
    Handler other = new Handler();
    open(second, other).onText(start("MZsecond"));
    assertThat(second.awaitClosed().getCloseCode()).isEqualTo(CloseCodes.TRY_AGAIN_LATER);
    assertThat(second.sent).isEmpty();
    assertThat(other.startUps).hasValue(0);
  }

  @Test
  void dataChannelMessagesAndBadFramesNeverReachTwilio() {
    call.onText("garbage");
    call.onText("{\"event\":\"whatever\"}");
    started();
    handler.context.send("log", "hello");
    handler.context.warn("careful");
    assertThat(socket.sent).isEmpty();
    assertThat(socket.closeReason()).isNull();
  }

  @Test
  void anUnexpectedMediaFormatIsRefused() {
    call.onText(start(SID).replace("audio/x-mulaw", "audio/x-alaw"));
    assertThat(call.connection()).isNull();
    assertThat(handler.startUps).hasValue(0);
    assertThat(socket.awaitClosed().getCloseCode()).isEqualTo(CloseCodes.CANNOT_ACCEPT);
  }
}
