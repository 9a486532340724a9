package io.fastrtc.jakarta.runtime.wire;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;

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
    if (body == null || body.isBlank()) {
      throw new InvalidRequestException("the request body is empty; expected a JSON object");
    }
    JsonObject json;
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      JsonValue value = reader.readValue();
      if (value.getValueType() != JsonValue.ValueType.OBJECT) {
        throw new InvalidRequestException("the request body must be a JSON object");
      }
      json = value.asJsonObject();
    } catch (JsonException e) {
      throw new InvalidRequestException("the request body is not valid JSON: " + e.getMessage());
    }
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
