package io.fastrtc.jakarta.runtime.telephone;

import io.fastrtc.jakarta.api.InvalidInputsException;
import io.fastrtc.jakarta.runtime.Admission;
import io.fastrtc.jakarta.runtime.Connection;
import io.fastrtc.jakarta.runtime.ConnectionRegistry;
import io.fastrtc.jakarta.runtime.HandlerLease;
import io.fastrtc.jakarta.runtime.RuntimeServices;
import io.fastrtc.jakarta.runtime.Transport;
import io.fastrtc.jakarta.runtime.audio.InputAudio;
import io.fastrtc.jakarta.runtime.audio.MuLaw;
import io.fastrtc.jakarta.runtime.audio.MuLawPacketizer;
import io.fastrtc.jakarta.runtime.audio.Pcm;
import io.fastrtc.jakarta.runtime.audio.Resampler;
import io.fastrtc.jakarta.runtime.stream.StreamDefinition;
import io.fastrtc.jakarta.runtime.websocket.SocketSender;
import io.fastrtc.jakarta.runtime.wire.InvalidRequestException;
import io.fastrtc.jakarta.runtime.wire.SocketEvent;
import io.fastrtc.jakarta.runtime.wire.SocketMessages;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.CloseReason.CloseCodes;
import jakarta.websocket.Session;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One phone call over Twilio Media Streams ({@code /telephone/handler}). Twilio sends {@code
 * connected}, {@code start} (with {@code streamSid} and the TwiML's custom parameters), {@code
 * media} (8 kHz µ-law), {@code mark}, {@code dtmf} and {@code stop}; the server sends {@code media}
 * with the call's {@code streamSid}, resampled from the handler's output rate to 8 kHz and paced in
 * real time by the shared clock, 20 ms per message.
 *
 * <p>Beyond FastRTC (issue #303): when the handler flushes (barge-in), Twilio gets {@code clear}
 * and stops playing at once; after each burst of audio the session sends a {@code mark}, and
 * Twilio's echo of the last one tells it that playback has ended (logged). The call counts against
 * the stream's concurrency limit, gets the custom parameters (and DTMF digits) as its inputs, and
 * its outputs reach output listeners like any connection's. Twilio accepts no other messages, so
 * data-channel messages are not sent on a call (they are logged at FINE).
 */
public final class TwilioMediaSession implements Transport {
  private static final Logger LOG = Logger.getLogger(TwilioMediaSession.class.getName());

  /** Twilio's audio: mono G.711 µ-law at 8 kHz. */
  static final int PHONE_RATE = 8000;

  /** Audio per outgoing {@code media} message, as Twilio sends it. */
  static final int PACKET_MILLIS = 20;

  /**
   * Clock ticks (10 ms each) without audio after which a burst counts as ended and gets its mark. A
   * handler that produces audio just in time (an echo) runs dry for a tick now and then; that is no
   * end of playback.
   */
  static final int MARK_AFTER_SILENT_TICKS = 10;

  /** A socket that sends no {@code start} within this time is closed. */
  static final Duration START_TIMEOUT = Duration.ofSeconds(30);

  private final StreamDefinition stream;
  private final ConnectionRegistry registry;
  private final RuntimeServices services;
  private final Function<StreamDefinition, HandlerLease> handlers;
  private final TelephoneCalls.InputSetter inputs;
  private final SocketSender sender;
  private final MuLawPacketizer packets = new MuLawPacketizer(PHONE_RATE * PACKET_MILLIS / 1000);
  private final Set<String> logged = ConcurrentHashMap.newKeySet();
  private final Future<?> startWatchdog;
  private final Object inputLock = new Object();
  private volatile Connection connection;
  private volatile String quotedSid;
  private volatile boolean ended;
  private InputAudio input;
  private boolean inputClosed;
  private Map<String, Object> parameters = Map.of();
  private final StringBuilder digits = new StringBuilder();

  // Guarded by packets: the outgoing side.
  private Resampler toPhone;
  private boolean outputClosed;
  private boolean sentSinceMark;
  private int silentTicks;
  private final Set<String> outstandingMarks = new LinkedHashSet<>();
  private long markCounter;
  private long burstEndNanos;
  private int playbacksEnded;

  TwilioMediaSession(
      StreamDefinition stream,
      Session socket,
      ConnectionRegistry registry,
      RuntimeServices services,
      Function<StreamDefinition, HandlerLease> handlers,
      TelephoneCalls.InputSetter inputs) {
    this.stream = stream;
    this.registry = registry;
    this.services = services;
    this.handlers = handlers;
    this.inputs = inputs;
    this.sender =
        new SocketSender(socket, services.executor(), services.scheduler(), this::sendFailed);
    this.startWatchdog =
        services
            .scheduler()
            .schedule(this::startTimedOut, START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The connection once {@code start} was accepted, else null. */
  public Connection connection() {
    return connection;
  }

  /** How many times Twilio confirmed (by echoing the last mark) that playback ended. */
  public int playbacksEnded() {
    synchronized (packets) {
      return playbacksEnded;
    }
  }

  // ---- from Twilio ----

  /** A text frame from Twilio. Bad frames are logged once and ignored: Twilio takes no answers. */
  public void onText(String text) {
    if (ended) {
      return;
    }
    try {
      SocketEvent event = SocketEvent.parse(text);
      switch (event.event()) {
        case "connected" -> LOG.fine(() -> "Twilio connected on stream " + stream.name());
        case "start" -> start(event);
        case "media" -> media(event);
        case "mark" -> markPlayed(event.requiredString("mark", "name"));
        case "dtmf" -> dtmf(event.requiredString("dtmf", "digit"));
        case "stop" -> stop();
        default -> logOnce("event:" + event.event(), "ignoring Twilio event " + event.event());
      }
    } catch (InvalidRequestException e) {
      logOnce("invalid", "invalid Twilio message: " + e.getMessage());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Twilio session on stream " + stream.name() + " failed", e);
      fail();
    }
  }

  private void fail() {
    Connection c = connection;
    if (c != null) {
      c.close(io.fastrtc.jakarta.runtime.EndReason.TRANSPORT_FAILED);
    } else {
      end(new CloseReason(CloseCodes.UNEXPECTED_CONDITION, "internal error"));
    }
  }

  /** The socket closed. */
  public void onSocketClosed() {
    ended = true;
    startWatchdog.cancel(false);
    Connection c = connection;
    if (c != null) {
      c.close(io.fastrtc.jakarta.runtime.EndReason.CLIENT_CLOSED);
    }
  }

  /** The container reported an error on the socket. */
  public void onSocketError(Throwable error) {
    LOG.log(Level.FINE, "Twilio socket error on stream " + stream.name(), error);
    fail();
  }

  private void start(SocketEvent event) {
    String sid = event.string("streamSid");
    if (sid == null) {
      sid = event.requiredString("start", "streamSid");
    }
    String encoding = event.string("start", "mediaFormat", "encoding");
    if ((encoding != null && !encoding.equalsIgnoreCase("audio/x-mulaw"))
        || sampleRate(event) != PHONE_RATE) {
      LOG.warning(
          () ->
              "Refusing a Media Stream on stream "
                  + stream.name()
                  + ": expected 8 kHz audio/x-mulaw, got "
                  + event.json().get("start"));
      end(new CloseReason(CloseCodes.CANNOT_ACCEPT, "unsupported media format"));
      return;
    }
    String id = sid;
    Connection c;
    synchronized (this) {
      if (connection != null) {
        throw new InvalidRequestException("second start on call " + connection.id());
      }
      Admission admission;
      try {
        admission = registry.admit(stream, id, handlers);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Could not create the handler of stream " + stream.name(), e);
        end(new CloseReason(CloseCodes.UNEXPECTED_CONDITION, "handler unavailable"));
        return;
      }
      if (!admission.isAdmitted()) {
        LOG.warning(
            () ->
                "Phone call "
                    + id
                    + " refused on stream "
                    + stream.name()
                    + ": "
                    + admission.refusal().wireName()
                    + (admission.limit() > 0 ? " (limit " + admission.limit() + ")" : ""));
        end(new CloseReason(CloseCodes.TRY_AGAIN_LATER, admission.refusal().wireName()));
        return;
      }
      c = admission.connection();
      parameters = event.strings("start", "customParameters");
      applyInputs(c, parameters);
      synchronized (inputLock) {
        input =
            new InputAudio(
                stream.inputSampleRate(),
                services.resamplers(),
                frame -> c.onInput(frame, System.nanoTime()));
      }
      if (stream.mode().serverSends()) {
        synchronized (packets) {
          toPhone = services.resamplers().create(stream.outputSampleRate(), PHONE_RATE);
        }
      }
      quotedSid = SocketMessages.quoted(id);
      c.attach(this);
      connection = c;
    }
    startWatchdog.cancel(false);
    LOG.info(
        () ->
            "Phone call "
                + id
                + " started on stream "
                + stream.name()
                + " with parameters "
                + parameters.keySet());
    c.markConnected();
    c.start();
  }

  private static int sampleRate(SocketEvent event) {
    if (event.json().get("start") instanceof JsonObject start
        && start.get("mediaFormat") instanceof JsonObject format
        && format.get("sampleRate") instanceof JsonNumber rate) {
      return rate.intValue();
    }
    return PHONE_RATE;
  }

  private void media(SocketEvent event) {
    if (connection == null) {
      throw new InvalidRequestException("media before start");
    }
    String track = event.string("media", "track");
    if (track != null && !track.startsWith("inbound")) {
      return; // the caller's audio only
    }
    short[] pcm = MuLaw.decode(event.mediaPayload());
    if (!stream.mode().clientSends()) {
      return;
    }
    synchronized (inputLock) {
      if (!inputClosed) {
        input.accept(pcm, PHONE_RATE);
      }
    }
  }

  private void dtmf(String digit) {
    Connection c = connection;
    if (c == null) {
      return;
    }
    String all;
    synchronized (this) {
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
      logOnce(
          "inputs",
          "call parameters do not fit the inputs of stream "
              + stream.name()
              + ", the handler keeps its defaults: "
              + e.getMessage());
    }
  }

  private void markPlayed(String name) {
    synchronized (packets) {
      if (!outstandingMarks.remove(name) || !outstandingMarks.isEmpty() || sentSinceMark) {
        return;
      }
      playbacksEnded++;
      long tookMillis = (System.nanoTime() - burstEndNanos) / 1_000_000;
      LOG.fine(
          () ->
              "Playback ended on call "
                  + connection.id()
                  + " ("
                  + tookMillis
                  + " ms after the last audio was sent)");
    }
  }

  private void stop() {
    Connection c = connection;
    if (c != null) {
      c.close(io.fastrtc.jakarta.runtime.EndReason.CLIENT_CLOSED);
    } else {
      end(new CloseReason(CloseCodes.NORMAL_CLOSURE, "stop"));
    }
  }

  private void startTimedOut() {
    if (connection == null && !ended) {
      LOG.info(() -> "Twilio sent no start within " + START_TIMEOUT.toSeconds() + " s; closing");
      end(new CloseReason(CloseCodes.VIOLATED_POLICY, "no start event"));
    }
  }

  private void sendFailed(String why) {
    LOG.info(() -> "Twilio socket on stream " + stream.name() + " failed: " + why);
    fail();
  }

  private void logOnce(String kind, String message) {
    if (logged.add(kind)) {
      Connection c = connection;
      LOG.info(() -> (c == null ? "Twilio socket" : "Call " + c.id()) + ": " + message);
    }
  }

  private void end(CloseReason reason) {
    ended = true;
    startWatchdog.cancel(false);
    sender.close(reason);
  }

  // ---- Transport ----

  /** Twilio takes only media, mark and clear: data-channel messages stay on the server. */
  @Override
  public void sendText(String message) {
    LOG.fine(() -> "Not sent to Twilio (no data channel on a call): " + message);
  }

  @Override
  public void pushAudio(short[] frame, int sampleRate, int channels) {
    short[] mono = Pcm.toMono(frame, channels);
    synchronized (packets) {
      if (outputClosed || toPhone == null) {
        return;
      }
      silentTicks = 0;
      packets.write(toPhone.process(mono), this::sendMedia);
    }
  }

  /**
   * Nothing to play: send the partial message at once, and once the burst has really ended (100 ms
   * without audio) a mark, whose echo tells when Twilio has played everything.
   */
  @Override
  public void pushSilence(short[] frame, int sampleRate, int channels) {
    synchronized (packets) {
      if (outputClosed) {
        return;
      }
      packets.flush(this::sendMedia);
      if (sentSinceMark && ++silentTicks >= MARK_AFTER_SILENT_TICKS) {
        String name = "fastrtc-" + ++markCounter;
        outstandingMarks.add(name);
        sentSinceMark = false;
        burstEndNanos = System.nanoTime();
        sender.send(SocketMessages.twilioMark(quotedSid, name));
      }
    }
  }

  /** Barge-in: drop what is not sent yet and tell Twilio to drop what it is playing. */
  @Override
  public void onFlush(long droppedMillis) {
    synchronized (packets) {
      int pending = packets.discard();
      if (droppedMillis > 0 || pending > 0 || sentSinceMark || !outstandingMarks.isEmpty()) {
        sender.send(SocketMessages.twilioClear(quotedSid));
        // Twilio echoes the outstanding marks after a clear; audio sent since the last mark is
        // gone too, so there is nothing left to wait for.
        sentSinceMark = false;
      }
    }
  }

  private void sendMedia(byte[] codes) {
    sender.send(SocketMessages.twilioMedia(quotedSid, Base64.getEncoder().encodeToString(codes)));
    sentSinceMark = true;
  }

  @Override
  public boolean isPhone() {
    return true;
  }

  @Override
  public void close() {
    ended = true;
    startWatchdog.cancel(false);
    synchronized (inputLock) {
      inputClosed = true;
      if (input != null) {
        input.close();
      }
    }
    synchronized (packets) {
      outputClosed = true;
      if (toPhone != null) {
        toPhone.close();
      }
    }
    Connection c = connection;
    io.fastrtc.jakarta.runtime.EndReason reason = c == null ? null : c.endReason();
    sender.close(
        reason == io.fastrtc.jakarta.runtime.EndReason.SERVER_STOP
            ? new CloseReason(CloseCodes.GOING_AWAY, "server stopping")
            : new CloseReason(
                CloseCodes.NORMAL_CLOSURE,
                reason == null ? "closed" : reason.name().toLowerCase(Locale.ROOT)));
  }
}
