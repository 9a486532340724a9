package io.fastrtc.jakarta.runtime.wire;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;

/**
 * The body of {@code POST /webrtc/offer}: an SDP offer or a trickled candidate. Unknown fields are
 * ignored, as FastRTC ignores them.
 *
 * @param webrtcId the client-chosen connection id
 * @param type {@code "offer"} or {@code "ice-candidate"}
 * @param sdp the offer SDP, for offers
 * @param candidate the candidate, for {@code ice-candidate}
 */
public record OfferRequest(String webrtcId, String type, String sdp, IceCandidate candidate) {

  /** The largest accepted body, in bytes. Offers from browsers are 2 to 10 KiB. */
  public static final int MAX_BODY_BYTES = 64 * 1024;

  /** The longest accepted {@code webrtc_id}. */
  public static final int MAX_ID_LENGTH = 128;

  /** Whether this is a trickled candidate. */
  public boolean isCandidate() {
    return "ice-candidate".equals(type);
  }

  /**
   * Parses and checks a body.
   *
   * @throws InvalidRequestException with a client-facing reason
   */
  public static OfferRequest parse(String body) {
    JsonObject json = parseObject(body);
    String id = requiredString(json, "webrtc_id");
    if (id.isEmpty() || id.length() > MAX_ID_LENGTH) {
      throw new InvalidRequestException(
          "webrtc_id must be 1 to " + MAX_ID_LENGTH + " characters long");
    }
    String type = requiredString(json, "type");
    if ("ice-candidate".equals(type)) {
      return new OfferRequest(id, type, null, candidate(json));
    }
    if (!"offer".equals(type)) {
      throw new InvalidRequestException("type must be \"offer\" or \"ice-candidate\", not " + type);
    }
    String sdp = requiredString(json, "sdp");
    if (!sdp.startsWith("v=0")) {
      throw new InvalidRequestException("sdp is not a session description (must start with v=0)");
    }
    return new OfferRequest(id, type, sdp, null);
  }

  private static JsonObject parseObject(String body) {
    if (body == null || body.isBlank()) {
      throw new InvalidRequestException("the request body is empty; expected a JSON object");
    }
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      JsonValue value = reader.readValue();
      if (value.getValueType() != JsonValue.ValueType.OBJECT) {
        throw new InvalidRequestException("the request body must be a JSON object");
      }
      return value.asJsonObject();
    } catch (JsonException e) {
      throw new InvalidRequestException("the request body is not valid JSON: " + e.getMessage());
    }
  }

  private static String requiredString(JsonObject json, String field) {
    JsonValue value = json.get(field);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      throw new InvalidRequestException("missing required field \"" + field + "\"");
    }
    if (value.getValueType() != JsonValue.ValueType.STRING) {
      throw new InvalidRequestException("field \"" + field + "\" must be a string");
    }
    return json.getString(field);
  }

  private static IceCandidate candidate(JsonObject json) {
    JsonValue value = json.get("candidate");
    if (value == null || value.getValueType() != JsonValue.ValueType.OBJECT) {
      return new IceCandidate(null, null, -1);
    }
    JsonObject c = value.asJsonObject();
    String line = c.get("candidate") instanceof jakarta.json.JsonString s ? s.getString() : null;
    String mid = c.get("sdpMid") instanceof jakarta.json.JsonString s ? s.getString() : null;
    int index = c.get("sdpMLineIndex") instanceof jakarta.json.JsonNumber n ? n.intValue() : -1;
    return new IceCandidate(line, mid, index);
  }
}
