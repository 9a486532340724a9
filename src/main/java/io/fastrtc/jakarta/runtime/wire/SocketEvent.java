package io.fastrtc.jakarta.runtime.wire;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One JSON text frame from a WebSocket client or from Twilio Media Streams: an object with an
 * {@code event} name. Unknown fields are ignored, as FastRTC ignores them.
 *
 * @param event the event name, e.g. {@code "start"}, {@code "media"}
 * @param json the whole message
 */
public record SocketEvent(String event, JsonObject json) {

  /**
   * The longest accepted text frame, in characters: about 4 s of 48 kHz µ-law in base64. The
   * sessions also set it as the socket's text buffer size, but containers need not enforce that
   * (Open Liberty does not), so {@link #parse} checks it too.
   */
  public static final int MAX_MESSAGE_CHARS = 256 * 1024;

  /**
   * The answer to a text message of {@code chars} characters, over {@link #MAX_MESSAGE_CHARS}.
   *
   * @param chars the message's length in characters
   * @return the error message for the client
   */
  public static String tooLarge(long chars) {
    return tooLarge(chars, MAX_MESSAGE_CHARS);
  }

  /**
   * The answer to a text message of {@code chars} characters, over {@code limit}.
   *
   * @param chars the message's length in characters
   * @param limit the configured longest message
   * @return the error message for the client
   */
  public static String tooLarge(long chars, int limit) {
    return "message too large: "
        + chars
        + " characters, the limit is "
        + limit
        + "; send audio in chunks of a few hundred milliseconds";
  }

  /**
   * Parses a text frame.
   *
   * @throws InvalidRequestException saying what is wrong, for the client
   */
  public static SocketEvent parse(String text) {
    return parse(text, MAX_MESSAGE_CHARS);
  }

  /**
   * Parses a text frame of at most {@code maxChars} characters, strictly: exactly one JSON object
   * (see {@code StrictJson}).
   *
   * @throws InvalidRequestException saying what is wrong, for the client
   */
  public static SocketEvent parse(String text, int maxChars) {
    if (text == null || text.isBlank()) {
      throw new InvalidRequestException("empty message; expected a JSON object with an \"event\"");
    }
    if (text.length() > maxChars) {
      throw new InvalidRequestException(tooLarge(text.length(), maxChars));
    }
    JsonObject json = StrictJson.object(text, "the message");
    if (!(json.get("event") instanceof JsonString event)) {
      throw new InvalidRequestException("the message has no \"event\" string");
    }
    return new SocketEvent(event.getString(), json);
  }

  /** A string at a path of nested objects, e.g. {@code string("media", "payload")}, or null. */
  public String string(String... path) {
    JsonObject at = json;
    for (int i = 0; i < path.length - 1; i++) {
      if (!(at.get(path[i]) instanceof JsonObject next)) {
        return null;
      }
      at = next;
    }
    return at.get(path[path.length - 1]) instanceof JsonString s ? s.getString() : null;
  }

  /**
   * A required string at a path.
   *
   * @throws InvalidRequestException naming the missing field
   */
  public String requiredString(String... path) {
    String value = string(path);
    if (value == null) {
      throw new InvalidRequestException(
          "\"" + event + "\" needs a string at " + String.join(".", path));
    }
    return value;
  }

  /**
   * The base64 payload at {@code media.payload}, decoded.
   *
   * @throws InvalidRequestException when it is missing or not base64
   */
  public byte[] mediaPayload() {
    String payload = requiredString("media", "payload");
    try {
      return Base64.getDecoder().decode(payload);
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException("media.payload is not base64: " + e.getMessage());
    }
  }

  /** The string members of an object at a path (other values as JSON text); empty if absent. */
  public Map<String, Object> strings(String... path) {
    JsonValue at = json;
    for (String step : path) {
      if (!(at instanceof JsonObject o) || !o.containsKey(step)) {
        return Map.of();
      }
      at = o.get(step);
    }
    if (!(at instanceof JsonObject object)) {
      return Map.of();
    }
    Map<String, Object> values = new LinkedHashMap<>();
    object.forEach(
        (k, v) -> values.put(k, v instanceof JsonString s ? s.getString() : v.toString()));
    return values;
  }
}
