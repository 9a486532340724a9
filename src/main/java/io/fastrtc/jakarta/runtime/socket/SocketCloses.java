package io.fastrtc.jakarta.runtime.socket;

import io.fastrtc.jakarta.runtime.connection.EndReason;
import io.fastrtc.jakarta.runtime.wire.ErrorCode;
import jakarta.websocket.CloseReason;
import jakarta.websocket.CloseReason.CloseCodes;
import java.util.Locale;

/** Every close frame a socket session ends with: the code and the phrase, defined once. */
final class SocketCloses {
  /** The stream's handler could not be created. */
  static final CloseReason HANDLER_UNAVAILABLE =
      new CloseReason(CloseCodes.UNEXPECTED_CONDITION, "handler unavailable");

  /** The session failed before any connection existed. */
  static final CloseReason INTERNAL_ERROR =
      new CloseReason(CloseCodes.UNEXPECTED_CONDITION, "internal error");

  /** {@code stop} before {@code start}. */
  static final CloseReason STOP = new CloseReason(CloseCodes.NORMAL_CLOSURE, "stop");

  /** No {@code start} within the watchdog's time. */
  static final CloseReason NO_START = new CloseReason(CloseCodes.VIOLATED_POLICY, "no start event");

  /** The client sent faster than the socket's message policy allows. */
  static final CloseReason FLOOD =
      new CloseReason(CloseCodes.VIOLATED_POLICY, "message rate exceeded");

  /** Twilio offered audio other than 8 kHz µ-law. */
  static final CloseReason UNSUPPORTED_FORMAT =
      new CloseReason(CloseCodes.CANNOT_ACCEPT, "unsupported media format");

  /** A socket on a path with no stream. */
  static final CloseReason UNKNOWN_STREAM =
      new CloseReason(CloseCodes.VIOLATED_POLICY, ErrorCode.UNKNOWN_STREAM.wireName());

  /** A socket whose user lacks the stream's roles. */
  static final CloseReason FORBIDDEN =
      new CloseReason(CloseCodes.VIOLATED_POLICY, ErrorCode.FORBIDDEN.wireName());

  private static final CloseReason SERVER_STOPPING =
      new CloseReason(CloseCodes.GOING_AWAY, "server stopping");

  private SocketCloses() {}

  /** A refused admission: try again later at the stream's limit, else a policy violation. */
  static CloseReason refused(ErrorCode refusal, boolean tryAgainLater) {
    return new CloseReason(
        tryAgainLater ? CloseCodes.TRY_AGAIN_LATER : CloseCodes.VIOLATED_POLICY,
        refusal.wireName());
  }

  /** FastRTC's WebSocket: the code and a phrase that say why the connection ended. */
  static CloseReason forWebSocket(EndReason reason) {
    if (reason == null) {
      return new CloseReason(CloseCodes.NORMAL_CLOSURE, "closed");
    }
    return switch (reason) {
      case CLIENT_CLOSED -> new CloseReason(CloseCodes.NORMAL_CLOSURE, "stopped");
      case CLOSE_STREAM -> new CloseReason(CloseCodes.NORMAL_CLOSURE, "stream closed");
      case TIME_LIMIT -> new CloseReason(CloseCodes.NORMAL_CLOSURE, "time limit reached");
      case SERVER_STOP, DRAIN_DEADLINE -> SERVER_STOPPING;
      case POLICY_VIOLATION -> FLOOD;
      case HANDLER_ERROR -> new CloseReason(CloseCodes.UNEXPECTED_CONDITION, "handler error");
      case HANDLER_HUNG -> new CloseReason(CloseCodes.UNEXPECTED_CONDITION, "handler hung");
      case NO_MEDIA -> new CloseReason(CloseCodes.VIOLATED_POLICY, "no media");
      case CONNECT_TIMEOUT, TRANSPORT_FAILED, SETUP_FAILED ->
          new CloseReason(CloseCodes.UNEXPECTED_CONDITION, lowerCase(reason));
    };
  }

  /**
   * A Twilio call: going away when the server stops, 1008 for a flood, else a normal close naming
   * the reason.
   */
  static CloseReason forCall(EndReason reason) {
    if (reason == EndReason.SERVER_STOP || reason == EndReason.DRAIN_DEADLINE) {
      return SERVER_STOPPING;
    }
    if (reason == EndReason.POLICY_VIOLATION) {
      return FLOOD;
    }
    return new CloseReason(
        CloseCodes.NORMAL_CLOSURE, reason == null ? "closed" : lowerCase(reason));
  }

  private static String lowerCase(EndReason reason) {
    return reason.name().toLowerCase(Locale.ROOT);
  }
}
