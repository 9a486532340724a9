package io.fastrtc.jakarta.runtime.socket;

import io.fastrtc.jakarta.api.Modality;
import io.fastrtc.jakarta.runtime.audio.MuLaw;
import io.fastrtc.jakarta.runtime.audio.MuLawPacketizer;
import io.fastrtc.jakarta.runtime.connection.Admission;
import io.fastrtc.jakarta.runtime.connection.Connection;
import io.fastrtc.jakarta.runtime.connection.EndReason;
import io.fastrtc.jakarta.runtime.stream.StreamDefinition;
import io.fastrtc.jakarta.runtime.wire.ChannelMessages;
import io.fastrtc.jakarta.runtime.wire.ErrorCode;
import io.fastrtc.jakarta.runtime.wire.InvalidRequestException;
import io.fastrtc.jakarta.runtime.wire.OfferRequest;
import io.fastrtc.jakarta.runtime.wire.SignalResponse;
import io.fastrtc.jakarta.runtime.wire.SocketEvent;
import io.fastrtc.jakarta.runtime.wire.SocketMessages;
import jakarta.websocket.CloseReason;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * FastRTC's WebSocket protocol ({@code /websocket/offer}): JSON text frames with {@code start},
 * {@code media} (base64 µ-law at the handler's input rate), {@code stop} and {@code ping} from the
 * client; {@code media} at the handler's output rate, {@code pong}, {@code clear} and the
 * data-channel messages from the server.
 *
 * <p>Where FastRTC falls short, this protocol does better: the handler's {@code shutdown()} runs on
 * every close; handler errors reach the client as {@code {"type":"error"}}; output leaves in real
 * time (the shared clock, 40 ms per message, nothing while there is no audio); a flush sends {@code
 * {"event":"clear"}}; the session counts against the stream's concurrency limit like any other
 * connection; and malformed or unknown messages get an answer and change nothing.
 */
final class FastRtcProtocol extends SocketProtocol {
  private static final Logger LOG = Logger.getLogger(FastRtcProtocol.class.getName());

  /** Audio per outgoing {@code media} message. */
  static final int PACKET_MILLIS = 40;

  /**
   * After a flush, {@code clear} is sent if audio left within this time (the client may play it).
   */
  static final long RECENT_AUDIO_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final StreamDefinition stream;
  private final MuLawPacketizer packets;
  private long lastMediaNanos; // guarded by packets

  FastRtcProtocol(SocketSession session) {
    super(session);
    this.stream = session.stream();
    this.packets = new MuLawPacketizer(stream.outputSampleRate() * PACKET_MILLIS / 1000);
  }

  // ---- from the client ----

  @Override
  void onEvent(SocketEvent event) {
    switch (event.event()) {
      case "start" -> start(event);
      case "media" -> media(event);
      case "stop" -> session.stop();
      case "ping" -> session.send(SocketMessages.pong());
      default ->
          warn(
              "event:" + event.event(),
              "unknown event \""
                  + event.event()
                  + "\" ignored; expected start, media, stop or ping");
    }
  }

  @Override
  void invalid(String event, String message) {
    if (event == null) {
      report("malformed", "invalid message: " + message);
    } else {
      report(event + ": " + message, message);
    }
  }

  /** Answers a problem with an error, once per kind; changes nothing. */
  @Override
  void report(String kind, String message) {
    if (reportOnce(kind, Level.INFO, message)) {
      session.send(ChannelMessages.error(message));
    }
  }

  private void warn(String kind, String message) {
    if (reportOnce(kind, Level.FINE, message)) {
      session.send(ChannelMessages.warning(message));
    }
  }

  /** FastRTC's protocol is JSON text only. */
  @Override
  void onBinary() {
    report("binary", "binary frames are not supported; send JSON text frames");
  }

  @Override
  void flooded(String why) {
    session.send(ChannelMessages.error(why + "; closing the socket (1008)"));
  }

  @Override
  void crashed(RuntimeException error) {
    session.send(ChannelMessages.error("internal error: " + error.getMessage()));
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
    session.admit(
        id, c -> {}, () -> "WebSocket session " + id + " started on stream " + stream.name());
  }

  @Override
  String alreadyStarted(String id) {
    return "this socket has already started as \"" + id + "\"";
  }

  @Override
  void handlerUnavailable() {
    session.send(ChannelMessages.error("the handler could not be created"));
  }

  /**
   * The contract's failure body, then a close: try again later at the limit, when draining, or
   * while the cluster's Redis is away.
   */
  @Override
  CloseReason refuse(String id, Admission admission) {
    boolean limit = admission.refusal() == ErrorCode.CONCURRENCY_LIMIT_REACHED;
    boolean draining = admission.refusal() == ErrorCode.SERVER_DRAINING;
    SignalResponse body =
        limit
            ? SignalResponse.concurrencyLimitReached(admission.limit())
            : draining ? SignalResponse.draining() : SignalResponse.failed(admission.refusal());
    LOG.info(() -> "WebSocket start refused on stream " + stream.name() + ": " + body.json());
    session.send(body.json());
    return SocketCloses.refused(
        admission.refusal(),
        limit || draining || admission.refusal() == ErrorCode.CLUSTER_UNAVAILABLE);
  }

  private void media(SocketEvent event) {
    if (session.connection() == null) {
      throw new InvalidRequestException(
          "media before start: send {\"event\":\"start\",\"websocket_id\":\"...\"} first");
    }
    byte[] codes = event.mediaPayload();
    if (!stream.mode().clientSends()) {
      warn("receive-only", "stream " + stream.name() + " only sends audio; media is ignored");
      return;
    }
    session.input(MuLaw.decode(codes), stream.inputSampleRate());
  }

  @Override
  String describe() {
    Connection c = session.connection();
    return "WebSocket " + (c == null ? "(not started)" : c.id()) + " on stream " + stream.name();
  }

  // ---- to the client ----

  @Override
  void sendText(String message) {
    session.send(message);
  }

  @Override
  void pushAudio(short[] mono) {
    synchronized (packets) {
      packets.write(mono, this::sendMedia);
    }
  }

  /** Sends the partial message now and nothing after it. */
  @Override
  void pushSilence() {
    synchronized (packets) {
      packets.flush(this::sendMedia);
    }
  }

  @Override
  void onFlush(long droppedMillis) {
    synchronized (packets) {
      int pending = packets.discard();
      boolean recent =
          lastMediaNanos != 0 && System.nanoTime() - lastMediaNanos < RECENT_AUDIO_NANOS;
      if (droppedMillis > 0 || pending > 0 || recent) {
        session.send(SocketMessages.clear());
        lastMediaNanos = 0;
      }
    }
  }

  private void sendMedia(byte[] codes) {
    session.send(SocketMessages.media(Base64.getEncoder().encodeToString(codes)));
    lastMediaNanos = System.nanoTime();
  }

  @Override
  CloseReason closeReason(EndReason reason) {
    return SocketCloses.forWebSocket(reason);
  }
}
