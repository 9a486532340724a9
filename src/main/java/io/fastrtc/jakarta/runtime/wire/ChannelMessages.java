package io.fastrtc.jakarta.runtime.wire;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.StringReader;

/**
 * The data-channel (and WebSocket) messages from server to client, in FastRTC's two envelopes:
 * {@code {"type":t,"data":d}} and {@code {"type":"warning"|"error","message":m}}.
 */
public final class ChannelMessages {
  private static final JsonArray EMPTY = Json.createArrayBuilder().build();

  /** JSON-B instances are thread-safe; one serves every output value for the application. */
  private static final Jsonb JSONB = JsonbBuilder.create();

  private ChannelMessages() {}

  /** {@code {"type":"log","data":text}}. */
  public static String log(String text) {
    return typed("log", Json.createValue(text));
  }

  /**
   * The handler's audio has finished playing out: {@code {"type":"log","data":"playback_ended"}}.
   * Not in FastRTC (its issue #381); sent on the data channel and the WebSocket.
   */
  public static String playbackEnded() {
    return log("playback_ended");
  }

  /** The echo of a client message: {@code {"type":"log","data":"Server received: msg"}}. */
  public static String received(String clientMessage) {
    return log("Server received: " + clientMessage);
  }

  /** {@code {"type":"end_stream","data":message}}, sent on close-stream. */
  public static String endStream(String message) {
    return typed("end_stream", Json.createValue(message));
  }

  /** {@code {"type":"send_input","data":[]}}. */
  public static String sendInput() {
    return typed("send_input", EMPTY);
  }

  /** {@code {"type":"fetch_output","data":[]}}. */
  public static String fetchOutput() {
    return typed("fetch_output", EMPTY);
  }

  /** {@code {"type":"error","message":message}}. */
  public static String error(String message) {
    return Json.createObjectBuilder()
        .add("type", "error")
        .add("message", message)
        .build()
        .toString();
  }

  /** {@code {"type":"warning","message":message}}. */
  public static String warning(String message) {
    return Json.createObjectBuilder()
        .add("type", "warning")
        .add("message", message)
        .build()
        .toString();
  }

  /** {@code {"type":type,"data":data}} where data is a string or a JSON-B-serialisable value. */
  public static String typed(String type, Object data) {
    return typed(type, toJson(data));
  }

  private static String typed(String type, JsonValue data) {
    return Json.createObjectBuilder().add("type", type).add("data", data).build().toString();
  }

  /** Serialises a value with JSON-B (strings stay strings). */
  public static JsonValue toJson(Object value) {
    if (value == null) {
      return JsonValue.NULL;
    }
    if (value instanceof String s) {
      return Json.createValue(s);
    }
    if (value instanceof JsonValue v) {
      return v;
    }
    try (var reader = Json.createReader(new StringReader(JSONB.toJson(value)))) {
      return reader.readValue();
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "cannot serialise " + value.getClass().getName() + " with JSON-B: " + e.getMessage(), e);
    }
  }
}
