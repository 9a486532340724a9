package io.fastrtc.jakarta.runtime.socket;

import io.fastrtc.jakarta.runtime.connection.Admission;
import io.fastrtc.jakarta.runtime.connection.EndReason;
import io.fastrtc.jakarta.runtime.wire.SocketEvent;
import jakarta.websocket.CloseReason;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What one protocol means by its frames, over a {@link SocketSession} that does the rest: the
 * events it understands, how it answers (or only logs) a problem, how it refuses a connection, and
 * how outgoing audio and messages are framed. One instance per socket.
 */
abstract class SocketProtocol {
  private static final Logger LOG = Logger.getLogger(SocketProtocol.class.getName());

  /** Distinct problems reported per socket; beyond, bad frames are only ignored. */
  static final int MAX_REPORTED = 32;

  final SocketSession session;
  private final Set<String> reported = ConcurrentHashMap.newKeySet();

  SocketProtocol(SocketSession session) {
    this.session = session;
  }

  // ---- from the client ----

  /**
   * A well-formed frame.
   *
   * @throws io.fastrtc.jakarta.runtime.wire.InvalidRequestException when it is wrong; reported
   *     through {@link #invalid}, changing nothing
   */
  abstract void onEvent(SocketEvent event);

  /**
   * A frame that is not valid: {@code event} is null when it is not even an event.
   *
   * @param message what is wrong
   */
  abstract void invalid(String event, String message);

  /** A problem of kind {@code kind} worth one report per socket. */
  abstract void report(String kind, String message);

  /**
   * Logs a problem once per kind (a client that repeats a mistake 50 times a second is reported
   * once), at most {@value #MAX_REPORTED} kinds per socket.
   *
   * @return whether it was new, so the protocol may answer it
   */
  final boolean reportOnce(String kind, Level level, String message) {
    if (reported.size() >= MAX_REPORTED || !reported.add(kind)) {
      return false;
    }
    LOG.log(level, () -> describe() + ": " + message);
    return true;
  }

  /** A binary frame, on the routes that listen for them. */
  void onBinary() {}

  /**
   * The client broke the message policy ({@link FloodGate}); the socket closes with 1008 right
   * after. Called once.
   *
   * @param why what was exceeded
   */
  void flooded(String why) {}

  /** An internal error while handling a frame; the session fails right after. */
  void crashed(RuntimeException error) {}

  /** The problem text for a second {@code start} on a socket that started as {@code id}. */
  abstract String alreadyStarted(String id);

  /** The stream's handler could not be created; the socket closes right after. */
  void handlerUnavailable() {}

  /**
   * Tells the client why connection {@code id} was refused and returns the close frame to end the
   * socket with.
   */
  abstract CloseReason refuse(String id, Admission admission);

  /** The socket and its connection, for log lines. */
  abstract String describe();

  // ---- to the client ----

  /** A data-channel message from the handler or the runtime. */
  abstract void sendText(String message);

  /** 10 ms of the handler's output, mono at the stream's output rate. */
  abstract void pushAudio(short[] mono);

  /** The connection has no audio buffered. */
  abstract void pushSilence();

  /** The handler flushed its audio; see {@code Transport.onFlush}. */
  abstract void onFlush(long droppedMillis);

  /** Whether the client confirms playback itself; see {@code Transport.reportsPlaybackEnd}. */
  boolean reportsPlaybackEnd() {
    return false;
  }

  /** Whether the socket is a phone call. */
  boolean isPhone() {
    return false;
  }

  /** Frees the outgoing side; nothing is sent after this. */
  void closeOutput() {}

  /** The close frame for why the connection ended, or for no connection ({@code null}). */
  abstract CloseReason closeReason(EndReason reason);
}
