package io.fastrtc.jakarta.runtime.wire;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * The body of {@code POST /input_hook}: {@code {"webrtc_id": "...", <input name>: <value>, ...}}.
 *
 * @param webrtcId the connection id
 * @param values every other field
 */
public record InputHookRequest(String webrtcId, JsonObject values) {

  /**
   * Parses a body.
   *
   * @throws InvalidRequestException with a client-facing reason
   */
  public static InputHookRequest parse(String body) {
    JsonObject json = StrictJson.object(body, "the request body");
    JsonValue id = json.get(Routes.WEBRTC_ID);
    if (id == null || id.getValueType() != JsonValue.ValueType.STRING) {
      throw new InvalidRequestException(
          "missing required string field \"" + Routes.WEBRTC_ID + "\"");
    }
    String webrtcId = json.getString(Routes.WEBRTC_ID);
    if (webrtcId.isEmpty() || webrtcId.length() > OfferRequest.MAX_ID_LENGTH) {
      throw new InvalidRequestException(
          Routes.WEBRTC_ID + " must be 1 to " + OfferRequest.MAX_ID_LENGTH + " characters long");
    }
    return new InputHookRequest(
        webrtcId, Json.createObjectBuilder(json).remove(Routes.WEBRTC_ID).build());
  }
}
