package io.fastrtc.jakarta.runtime.websocket;

import io.fastrtc.jakarta.api.Modality;
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
import io.fastrtc.jakarta.runtime.stream.StreamDefinition;
import io.fastrtc.jakarta.runtime.wire.ChannelMessages;
import io.fastrtc.jakarta.runtime.wire.ErrorCode;
import io.fastrtc.jakarta.runtime.wire.InvalidRequestException;
import io.fastrtc.jakarta.runtime.wire.OfferRequest;
import io.fastrtc.jakarta.runtime.wire.SignalResponse;
import io.fastrtc.jakarta.runtime.wire.SocketEvent;
import io.fastrtc.jakarta.runtime.wire.SocketMessages;
import jakarta.websocket.CloseReason;
import jakarta.websocket.CloseReason.CloseCodes;
import jakarta.websocket.Session;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * FastRTC's WebSocket transport ({@code /websocket/offer}) for one socket: JSON text frames with
 * {@code start}, {@code media} (base64 µ-law at the handler's input rate), {@code stop} and {@code
 * ping} from the client; {@code media} at the handler's output rate, {@code pong}, {@code clear}
 * and the data-channel messages from the server.
 *
 * <p>Where FastRTC falls short, this session does better: the handler's {@code shutdown()} runs on
 * every close; handler errors reach the client as {@code {"type":"error"}}; output leaves in real
 * time (the shared clock, 40 ms per message, nothing while there is no audio); a flush sends {@code
 * {"event":"clear"}}; the session counts against the stream's concurrency limit like any other
 * connection; and malformed or unknown messages get an answer and change nothing.
 */
public final class WebSocketAudioSession implements Transport {
  private static final Logger LOG = Logger.getLogger(WebSocketAudioSession.class.getName());

  /** Audio per outgoing {@code media} message. */
  static final int PACKET_MILLIS = 40;

  /** A socket that sends no {@code start} within this time is closed. */
  static final Duration START_TIMEOUT = Duration.ofSeconds(30);

  /** Distinct problems answered per socket; beyond, bad frames are only ignored. */
  static final int MAX_ANSWERED = 32;

  /**
   * After a flush, {@code clear} is sent if audio left within this time (the client may play it).
   */
  static final long RECENT_AUDIO_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final StreamDefinition stream;
  private final ConnectionRegistry registry;
  private final RuntimeServices services;
  private final Function<StreamDefinition, HandlerLease> handlers;
  private final SocketSender sender;
  private final MuLawPacketizer packets;
  private final Set<String> answered = ConcurrentHashMap.newKeySet();
  private final Future<?> startWatchdog;
  private final Object inputLock = new Object();
  private volatile Connection connection;
  private InputAudio input;
  private boolean inputClosed;
  private volatile boolean ended;
  private long lastMediaNanos;

  WebSocketAudioSession(
      StreamDefinition stream,
      Session socket,
      ConnectionRegistry registry,
      RuntimeServices services,
      Function<StreamDefinition, HandlerLease> handlers) {
    this.stream = stream;
    this.registry = registry;
    this.services = services;
    this.handlers = handlers;
    this.sender =
        new SocketSender(socket, services.executor(), services.scheduler(), this::sendFailed);
    this.packets = new MuLawPacketizer(stream.outputSampleRate() * PACKET_MILLIS / 1000);
    this.startWatchdog =
        services
            .scheduler()
            .schedule(this::startTimedOut, START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The connection once {@code start} was accepted, else null. */
  public Connection connection() {
    return connection;
  }

  // ---- from the socket ----

  /** A text frame from the client. */
  public void onText(String text) {
    if (ended) {
      return;
    }
    SocketEvent event;
    try {
      event = SocketEvent.parse(text);
    } catch (InvalidRequestException e) {
      answerError("malformed", "invalid message: " + e.getMessage());
      return;
    }
    try {
      switch (event.event()) {
        case "start" -> start(event);
        case "media" -> media(event);
        case "stop" -> stop();
        case "ping" -> sender.send(SocketMessages.pong());
        default ->
            answerWarning(
                "event:" + event.event(),
                "unknown event \""
                    + event.event()
                    + "\" ignored; expected start, media, stop or ping");
      }
    } catch (InvalidRequestException e) {
      answerError(event.event() + ": " + e.getMessage(), e.getMessage());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "WebSocket " + describe() + " failed on \"" + event.event() + "\"", e);
      sender.send(ChannelMessages.error("internal error: " + e.getMessage()));
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

  /** A binary frame: FastRTC's protocol is JSON text only. */
  public void onBinary() {
    if (!ended) {
      answerError("binary", "binary frames are not supported; send JSON text frames");
    }
  }

  /** The socket closed (the client left, or the network failed). */
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
    LOG.log(Level.FINE, "WebSocket error on " + describe(), error);
    fail();
  }

  private void start(SocketEvent event) {
    String id = event.requiredString("websocket_id");
    if (id.isEmpty() || id.length() > OfferRequest.MAX_ID_LENGTH) {
      throw new InvalidRequestException(
          "websocket_id must be 1 to " + OfferRequest.MAX_ID_LENGTH + " characters long");
    }
    if (stream.modality() != Modality.AUDIO) {
      throw new InvalidRequestException(
          "stream " + stream.name() + " is not an audio stream; the WebSocket carries audio only");
    }
    Connection c;
    synchronized (this) {
      if (connection != null) {
        throw new InvalidRequestException(
            "this socket has already started as \"" + connection.id() + "\"");
      }
      Admission admission;
      try {
        admission = registry.admit(stream, id, handlers);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Could not create the handler of stream " + stream.name(), e);
        sender.send(ChannelMessages.error("the handler could not be created"));
        end(new CloseReason(CloseCodes.UNEXPECTED_CONDITION, "handler unavailable"));
        return;
      }
      if (!admission.isAdmitted()) {
        refuse(admission);
        return;
      }
      c = admission.connection();
      synchronized (inputLock) {
        input =
            new InputAudio(
                stream.inputSampleRate(),
                services.resamplers(),
                frame -> c.onInput(frame, System.nanoTime()));
      }
      c.attach(this);
      connection = c;
    }
    startWatchdog.cancel(false);
    LOG.info(() -> "WebSocket session " + id + " started on stream " + stream.name());
    c.markConnected();
    c.start();
  }

  private void refuse(Admission admission) {
    boolean limit = admission.refusal() == ErrorCode.CONCURRENCY_LIMIT_REACHED;
    SignalResponse body =
        limit
            ? SignalResponse.concurrencyLimitReached(admission.limit())
            : SignalResponse.failed(admission.refusal());
    LOG.info(() -> "WebSocket start refused on stream " + stream.name() + ": " + body.json());
    sender.send(body.json());
    end(
        new CloseReason(
            limit ? CloseCodes.TRY_AGAIN_LATER : CloseCodes.VIOLATED_POLICY,
            admission.refusal().wireName()));
  }

  private void media(SocketEvent event) {
    Connection c = connection;
    if (c == null) {
      throw new InvalidRequestException(
          "media before start: send {\"event\":\"start\",\"websocket_id\":\"...\"} first");
    }
    byte[] codes = event.mediaPayload();
    if (!stream.mode().clientSends()) {
      answerWarning(
          "receive-only", "stream " + stream.name() + " only sends audio; media is ignored");
      return;
    }
    short[] pcm = MuLaw.decode(codes);
    synchronized (inputLock) {
      if (!inputClosed) {
        input.accept(pcm, stream.inputSampleRate());
      }
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
      answerError("timeout", "no start event within " + START_TIMEOUT.toSeconds() + " s; closing");
      end(new CloseReason(CloseCodes.VIOLATED_POLICY, "no start event"));
    }
  }

  private void sendFailed(String why) {
    LOG.info(() -> "WebSocket " + describe() + " failed: " + why);
    fail();
  }

  /**
   * Answers a bad message with an error and logs it, once per kind of problem (a client that
   * repeats a mistake 50 times a second gets one answer); changes nothing.
   */
  private void answerError(String kind, String message) {
    if (firstTime(kind)) {
      LOG.info(() -> "WebSocket " + describe() + ": " + message);
      sender.send(ChannelMessages.error(message));
    }
  }

  private void answerWarning(String kind, String message) {
    if (firstTime(kind)) {
      LOG.fine(() -> "WebSocket " + describe() + ": " + message);
      sender.send(ChannelMessages.warning(message));
    }
  }

  /** Whether this kind of problem is new; at most {@value #MAX_ANSWERED} kinds are answered. */
  private boolean firstTime(String kind) {
    return answered.size() < MAX_ANSWERED && answered.add(kind);
  }

  private void end(CloseReason reason) {
    ended = true;
    startWatchdog.cancel(false);
    sender.close(reason);
  }

  private String describe() {
    Connection c = connection;
    return (c == null ? "(not started)" : c.id()) + " on stream " + stream.name();
  }

  // ---- Transport ----

  @Override
  public void sendText(String message) {
    sender.send(message);
  }

  @Override
  public void pushAudio(short[] frame, int sampleRate, int channels) {
    short[] mono = Pcm.toMono(frame, channels);
    synchronized (packets) {
      packets.write(mono, this::sendMedia);
    }
  }

  /** No audio buffered: send the partial message now and nothing after it. */
  @Override
  public void pushSilence(short[] frame, int sampleRate, int channels) {
    synchronized (packets) {
      packets.flush(this::sendMedia);
    }
  }

  @Override
  public void onFlush(long droppedMillis) {
    synchronized (packets) {
      int pending = packets.discard();
      boolean recent =
          lastMediaNanos != 0 && System.nanoTime() - lastMediaNanos < RECENT_AUDIO_NANOS;
      if (droppedMillis > 0 || pending > 0 || recent) {
        sender.send(SocketMessages.clear());
        lastMediaNanos = 0;
      }
    }
  }

  private void sendMedia(byte[] codes) {
    sender.send(SocketMessages.media(Base64.getEncoder().encodeToString(codes)));
    lastMediaNanos = System.nanoTime();
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
    Connection c = connection;
    sender.close(closeReasonFor(c == null ? null : c.endReason()));
  }

  /** The WebSocket close code and phrase for why the connection ended. */
  static CloseReason closeReasonFor(io.fastrtc.jakarta.runtime.EndReason reason) {
    if (reason == null) {
      return new CloseReason(CloseCodes.NORMAL_CLOSURE, "closed");
    }
    return switch (reason) {
      case CLIENT_CLOSED -> new CloseReason(CloseCodes.NORMAL_CLOSURE, "stopped");
      case CLOSE_STREAM -> new CloseReason(CloseCodes.NORMAL_CLOSURE, "stream closed");
      case TIME_LIMIT -> new CloseReason(CloseCodes.NORMAL_CLOSURE, "time limit reached");
      case SERVER_STOP -> new CloseReason(CloseCodes.GOING_AWAY, "server stopping");
      case HANDLER_ERROR -> new CloseReason(CloseCodes.UNEXPECTED_CONDITION, "handler error");
      case CONNECT_TIMEOUT, TRANSPORT_FAILED, SETUP_FAILED ->
          new CloseReason(CloseCodes.UNEXPECTED_CONDITION, reason.name().toLowerCase(Locale.ROOT));
    };
  }
}
