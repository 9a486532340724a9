package io.fastrtc.jakarta.api;

import java.time.Duration;
import java.util.Map;

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
   * @return true when new inputs arrived, false on timeout or close
   */
  boolean waitForInputs(Duration timeout) throws InterruptedException;

  /**
   * Drops the audio this connection has produced but not yet played (FastRTC's {@code
   * clear_queue()}), e.g. when the user interrupts. Returns the milliseconds dropped.
   */
  long flushAudio();

  /** Whether the connection is still open. */
  boolean isOpen();
}
