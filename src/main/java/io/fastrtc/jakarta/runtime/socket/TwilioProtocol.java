package io.fastrtc.jakarta.runtime.socket;

import io.fastrtc.jakarta.api.InvalidInputsException;
import io.fastrtc.jakarta.runtime.audio.MuLaw;
import io.fastrtc.jakarta.runtime.audio.Resampler;
import io.fastrtc.jakarta.runtime.connection.Admission;
import io.fastrtc.jakarta.runtime.connection.Connection;
import io.fastrtc.jakarta.runtime.connection.EndReason;
import io.fastrtc.jakarta.runtime.stream.StreamDefinition;
import io.fastrtc.jakarta.runtime.wire.InvalidRequestException;
import io.fastrtc.jakarta.runtime.wire.SocketEvent;
import io.fastrtc.jakarta.runtime.wire.SocketMessages;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.websocket.CloseReason;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One phone call over Twilio Media Streams ({@code /telephone/handler}). Twilio sends {@code
 * connected}, {@code start} (with {@code streamSid} and the TwiML's custom parameters), {@code
 * media} (8 kHz µ-law), {@code mark}, {@code dtmf} and {@code stop}; the server sends {@code media}
 * with the call's {@code streamSid}, resampled from the handler's output rate to 8 kHz and paced in
 * real time by the shared clock, 20 ms per message ({@link TwilioPlayback}).
 *
 * <p>The call counts against the stream's concurrency limit, gets the custom parameters (and DTMF
 * digits) as its inputs, and its outputs reach output listeners like any connection's. Twilio
 * accepts no answers, so bad frames are only logged, once per kind, and data-channel messages are
 * not sent on a call (they are logged at FINE).
 */
final class TwilioProtocol extends SocketProtocol {
  private static final Logger LOG = Logger.getLogger(TwilioProtocol.class.getName());

  /** Twilio's audio: mono G.711 µ-law at 8 kHz. */
  static final int PHONE_RATE = 8000;

  private final StreamDefinition stream;
  private final SocketSessions.InputSetter inputs;
  private final Resampler.Factory resamplers;
  private final TwilioPlayback playback;
  private final StringBuilder digits = new StringBuilder(); // guarded by itself

  TwilioProtocol(
      SocketSession session, SocketSessions.InputSetter inputs, Resampler.Factory resamplers) {
    super(session);
    this.stream = session.stream();
    this.inputs = inputs;
    this.resamplers = resamplers;
    this.playback = new TwilioPlayback(session::send);
  }

  /** How many times Twilio confirmed (by echoing the last mark) that playback ended. */
  int playbacksEnded() {
    return playback.playbacksEnded();
  }

  // ---- from Twilio ----

  @Override
  void onEvent(SocketEvent event) {
    switch (event.event()) {
      case "connected" -> LOG.fine(() -> "Twilio connected on stream " + stream.name());
      case "start" -> start(event);
      case "media" -> media(event);
      case "mark" -> markPlayed(event.requiredString("mark", "name"));
      case "dtmf" -> dtmf(event.requiredString("dtmf", "digit"));
      case "stop" -> session.stop();
      default -> report("event:" + event.event(), "ignoring Twilio event " + event.event());
    }
  }

  @Override
  void invalid(String event, String message) {
    report("invalid", "invalid Twilio message: " + message);
  }

  /** Only logs, once per kind: Twilio takes no answers. */
  @Override
  void report(String kind, String message) {
    reportOnce(kind, Level.INFO, message);
  }

  private void start(SocketEvent event) {
    String sid = event.string("streamSid");
    String id = sid != null ? sid : event.requiredString("start", "streamSid");
    String encoding = event.string("start", "mediaFormat", "encoding");
    if ((encoding != null && !encoding.equalsIgnoreCase("audio/x-mulaw"))
        || sampleRate(event) != PHONE_RATE) {
      LOG.warning(
          () ->
              "Refusing a Media Stream on stream "
                  + stream.name()
                  + ": expected 8 kHz audio/x-mulaw, got "
                  + event.json().get("start"));
      session.end(SocketCloses.UNSUPPORTED_FORMAT);
      return;
    }
    Map<String, Object> parameters = event.strings("start", "customParameters");
    session.admit(
        id,
        c -> {
          applyInputs(c, parameters);
          Resampler toPhone =
              stream.mode().serverSends()
                  ? resamplers.create(stream.outputSampleRate(), PHONE_RATE)
                  : null;
          playback.open(toPhone, SocketMessages.quoted(id));
        },
        () ->
            "Phone call "
                + id
                + " started on stream "
                + stream.name()
                + " with parameters "
                + parameters.keySet());
  }

  private static int sampleRate(SocketEvent event) {
    if (event.json().get("start") instanceof JsonObject start
        && start.get("mediaFormat") instanceof JsonObject format
        && format.get("sampleRate") instanceof JsonNumber rate) {
      return rate.intValue();
    }
    return PHONE_RATE;
  }

  private void markPlayed(String name) {
    long tookMillis = playback.markPlayed(name);
    Connection c = session.connection();
    if (tookMillis >= 0 && c != null) {
      c.playbackEnded();
      LOG.fine(
          () ->
              "Playback ended on call "
                  + c.id()
                  + " ("
                  + tookMillis
                  + " ms after the last audio was sent)");
    }
  }

  @Override
  String alreadyStarted(String id) {
    return "second start on call " + id;
  }

  /** Logged only; the socket closes with try-again-later whatever the refusal. */
  @Override
  CloseReason refuse(String id, Admission admission) {
    LOG.warning(
        () ->
            "Phone call "
                + id
                + " refused on stream "
                + stream.name()
                + ": "
                + admission.refusal().wireName()
                + (admission.limit() > 0 ? " (limit " + admission.limit() + ")" : ""));
    return SocketCloses.refused(admission.refusal(), true);
  }

  private void media(SocketEvent event) {
    if (session.connection() == null) {
      throw new InvalidRequestException("media before start");
    }
    String track = event.string("media", "track");
    if (track != null && !track.startsWith("inbound")) {
      return; // the caller's audio only
    }
    short[] pcm = MuLaw.decode(event.mediaPayload());
    if (stream.mode().clientSends()) {
      session.input(pcm, PHONE_RATE);
    }
  }

  private void dtmf(String digit) {
    Connection c = session.connection();
    if (c == null) {
      return;
    }
    String all;
    synchronized (digits) {
      digits.append(digit);
      all = digits.toString();
    }
    LOG.fine(() -> "DTMF " + digit + " on call " + c.id());
    applyInputs(c, Map.of("dtmf", all));
  }

  /**
   * Merges values into the call's inputs as an {@code input_hook} body would be. Values the
   * stream's inputs record does not declare are ignored; values it refuses leave the defaults
   * (logged once), since a caller cannot correct them.
   */
  private void applyInputs(Connection c, Map<String, Object> values) {
    if (values.isEmpty()) {
      return;
    }
    try {
      inputs.apply(c, values);
    } catch (InvalidInputsException e) {
      report(
          "inputs",
          "call parameters do not fit the inputs of stream "
              + stream.name()
              + ", the handler keeps its defaults: "
              + e.getMessage());
    }
  }

  @Override
  String describe() {
    Connection c = session.connection();
    return (c == null ? "Twilio socket" : "Call " + c.id()) + " on stream " + stream.name();
  }

  // ---- to Twilio ----

  /** Twilio takes only media, mark and clear: data-channel messages stay on the server. */
  @Override
  void sendText(String message) {
    LOG.fine(() -> "Not sent to Twilio (no data channel on a call): " + message);
  }

  @Override
  void pushAudio(short[] mono) {
    playback.write(mono);
  }

  @Override
  void pushSilence() {
    playback.silence();
  }

  @Override
  void onFlush(long droppedMillis) {
    playback.flush(droppedMillis);
  }

  @Override
  boolean isPhone() {
    return true;
  }

  /** Twilio's echo of the mark after each burst says when the caller has heard it. */
  @Override
  boolean reportsPlaybackEnd() {
    return true;
  }

  @Override
  void closeOutput() {
    playback.close();
  }

  @Override
  CloseReason closeReason(EndReason reason) {
    return SocketCloses.forCall(reason);
  }
}
