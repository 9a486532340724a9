package io.fastrtc.jakarta.runtime.wire;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;

/**
 * The body of {@code POST /webrtc/offer}: an SDP offer or a trickled candidate. Unknown fields are
 * ignored, as FastRTC ignores them; the JSON itself is read strictly ({@link StrictJson}).
 *
 * @param webrtcId the client-chosen connection id
 * @param type {@code "offer"} or {@code "ice-candidate"}
 * @param sdp the offer SDP, for offers
 * @param candidate the candidate, for {@code ice-candidate}
 */
public record OfferRequest(String webrtcId, String type, String sdp, IceCandidate candidate) {

  /** The largest accepted body, in bytes. Offers from browsers are 2 to 10 KiB. */
  public static final int MAX_BODY_BYTES = 64 * 1024;

  private static final BigDecimal MAX_LINE_INDEX = BigDecimal.valueOf(65_535);
  private static final int BEYOND_LINE_INDEX = 65_536;

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
    JsonObject json = StrictJson.object(body, "the request body");
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
    String line = c.get("candidate") instanceof JsonString s ? s.getString() : null;
    String mid = c.get("sdpMid") instanceof JsonString s ? s.getString() : null;
    return new IceCandidate(line, mid, lineIndex(c.get("sdpMLineIndex")));
  }

  /**
   * {@code sdpMLineIndex}: absent, null or a negative whole number is -1 (no index: the candidate
   * then needs an {@code sdpMid}); a whole number beyond 65535 is 65536, which names no media
   * section, so both get the contract's {@code invalid_candidate_format}, as FastRTC answers a
   * candidate it cannot add. Anything else is not a candidate index at all: an invalid request.
   */
  private static int lineIndex(JsonValue value) {
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return -1;
    }
    if (value instanceof JsonNumber n && n.isIntegral()) {
      BigDecimal index = n.bigDecimalValue();
      if (index.signum() < 0) {
        return -1;
      }
      return index.compareTo(MAX_LINE_INDEX) <= 0 ? index.intValueExact() : BEYOND_LINE_INDEX;
    }
    throw new InvalidRequestException(
        "candidate.sdpMLineIndex must be a whole number, not " + value);
  }
}
