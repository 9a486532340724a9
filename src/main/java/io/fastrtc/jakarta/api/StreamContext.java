package io.fastrtc.jakarta.api;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The live connection a handler serves. Given to {@link StreamHandler#startUp(StreamContext)}; safe
 * to keep and to use from any thread until the connection closes.
 */
public interface StreamContext {

  /**
   * The client-chosen id: {@code webrtc_id}, {@code websocket_id} or Twilio's {@code streamSid}.
   */
  String connectionId();

  /** The name of the stream this connection belongs to. */
  String streamName();

  /**
   * Sends a raw text message to the client on the data channel (or the WebSocket). FastRTC's {@code
   * send_message}. Messages sent before the channel opens are queued.
   */
  void send(String message);

  /**
   * Sends {@code {"type":type,"data":data}}, FastRTC's {@code create_message} envelope.
   *
   * @param type e.g. {@code "log"}
   * @param data a string or a JSON-B-serialisable value
   */
  void send(String type, Object data);

  /** Sends {@code {"type":"warning","message":message}}, FastRTC's {@code Warning()}. */
  void warn(String message);

  /**
   * The current additional inputs, typed: an instance of the stream's {@link
   * RealtimeStream#inputs()} record, holding its defaults until the client sets any. Unlike
   * FastRTC's {@code latest_args} there is no placeholder at index 0 and no positional list.
   *
   * @throws IllegalArgumentException when the stream declares another inputs type
   */
  <T extends Record> T inputs(Class<T> type);

  /**
   * The current additional inputs by name: the inputs record's components (defaults included), or
   * for a stream without an inputs record, the fields of the client's last {@code input_hook} body
   * (empty until it posts one).
   */
  Map<String, Object> latestInputs();

  /**
   * Asks the client for fresh inputs and waits for them: sends {@code
   * {"type":"send_input","data":[]}} on the data channel (or WebSocket), then blocks until the
   * client sets inputs (e.g. {@code POST /input_hook}), the timeout passes or the connection
   * closes. FastRTC's {@code wait_for_args()}. Incoming audio queues meanwhile.
   *
   * <p>On a phone call ({@link #isPhone()}) it returns false at once without asking: a caller
   * cannot send inputs, so the handler goes on with its defaults and the call's parameters.
   *
   * @return true when new inputs arrived, false on timeout or close
   */
  boolean waitForInputs(Duration timeout) throws InterruptedException;

  /**
   * Drops the audio this connection has produced but not yet played (FastRTC's {@code
   * clear_queue()}), e.g. when the user interrupts. Unlike FastRTC, the client is told to drop the
   * audio it has buffered too: WebSocket clients get {@code {"event":"clear"}} and Twilio gets its
   * {@code clear} message, so playback stops at once. Returns the milliseconds dropped on the
   * server.
   */
  long flushAudio();

  /**
   * Milliseconds of audio this connection has produced that the client has not been sent yet. Live
   * handlers (an echo, a voice changer) can drop input while it is high to keep latency bounded;
   * generators can use it to stay a little ahead of real time.
   */
  long bufferedAudioMillis();

  /**
   * Whether this connection is a phone call (FastRTC's {@code phone_mode}). A caller cannot send
   * additional inputs ({@link #waitForInputs} returns at once): the inputs hold their defaults,
   * merged with the call's TwiML custom parameters and its DTMF digits ({@code dtmf}), as far as
   * the stream's inputs declare them.
   */
  default boolean isPhone() {
    return false;
  }

  /** Whether the connection is still open. */
  boolean isOpen();

  /**
   * The authenticated user who opened this connection, with their groups; empty when the server
   * runs without single sign-on (the default) or for a phone call (Twilio is authenticated by its
   * request signature, not as a user).
   */
  default Optional<StreamUser> user() {
    return Optional.empty();
  }
}
