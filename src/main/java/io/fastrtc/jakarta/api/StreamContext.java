package io.fastrtc.jakarta.api;

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

  /** The latest additional inputs the client set, by name; empty until it sets any. */
  Map<String, Object> latestInputs();

  /**
   * Drops the audio this connection has produced but not yet played (FastRTC's {@code
   * clear_queue()}), e.g. when the user interrupts. Returns the milliseconds dropped.
   */
  long flushAudio();

  /** Whether the connection is still open. */
  boolean isOpen();
}
