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
   * clear_queue()}), e.g. when the user interrupts. Unlike FastRTC, the client is told to drop the
   * audio it has buffered too: WebSocket clients get {@code {"event":"clear"}} and Twilio gets its
   * {@code clear} message, so playback stops at once. Returns the milliseconds dropped on the
   * server.
   */
  long flushAudio();

  /**
   * Whether this connection is a phone call (FastRTC's {@code phone_mode}). A phone caller cannot
   * send additional inputs, so a handler must not wait for them: {@link #latestInputs()} holds the
   * call's custom parameters (and DTMF digits) instead.
   */
  default boolean isPhone() {
    return false;
  }

  /** Whether the connection is still open. */
  boolean isOpen();
}
