package io.fastrtc.jakarta.runtime.wire;

import jakarta.json.Json;

/**
 * The server's frames on the two socket protocols, built in one place. Audio frames are built by
 * concatenation because they are frequent and base64 needs no JSON escaping; ids are escaped.
 *
 * <p>FastRTC's WebSocket ({@code /websocket/offer}): {@code media}, {@code pong} and our {@code
 * clear} extension. Twilio Media Streams ({@code /telephone/handler}): {@code media}, {@code mark}
 * and {@code clear}, each with the call's {@code streamSid}.
 */
public final class SocketMessages {
  private SocketMessages() {}

  /** {@code {"event":"media","media":{"payload":base64}}}. */
  public static String media(String base64) {
    return "{\"event\":\"media\",\"media\":{\"payload\":\"" + base64 + "\"}}";
  }

  /** {@code {"event":"pong"}}, the answer to {@code ping}. */
  public static String pong() {
    return "{\"event\":\"pong\"}";
  }

  /**
   * {@code {"event":"clear"}}: not FastRTC's; tells the client to drop the audio it has queued
   * because the handler flushed (an interruption). Clients that do not know it ignore it.
   */
  public static String clear() {
    return "{\"event\":\"clear\"}";
  }

  /** The JSON string literal of a Twilio {@code streamSid}, computed once per call. */
  public static String quoted(String value) {
    return Json.createValue(value).toString();
  }

  /** {@code {"event":"media","streamSid":sid,"media":{"payload":base64}}}. */
  public static String twilioMedia(String quotedSid, String base64) {
    return "{\"event\":\"media\",\"streamSid\":"
        + quotedSid
        + ",\"media\":{\"payload\":\""
        + base64
        + "\"}}";
  }

  /** {@code {"event":"mark","streamSid":sid,"mark":{"name":name}}}. */
  public static String twilioMark(String quotedSid, String name) {
    return "{\"event\":\"mark\",\"streamSid\":"
        + quotedSid
        + ",\"mark\":{\"name\":"
        + quoted(name)
        + "}}";
  }

  /** {@code {"event":"clear","streamSid":sid}}: Twilio drops the audio it has buffered. */
  public static String twilioClear(String quotedSid) {
    return "{\"event\":\"clear\",\"streamSid\":" + quotedSid + "}";
  }
}
