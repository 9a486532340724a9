package io.fastrtc.jakarta.testing;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;

/**
 * One HTTP reply from {@code POST <base>/webrtc/offer}: the status code and the raw body, with
 * accessors for FastRTC's JSON shapes ({@code {"sdp","type":"answer"}}, {@code
 * {"status":"success"}} and {@code {"status":"failed","meta":{"error":...}}}).
 *
 * @param statusCode the HTTP status code
 * @param body the raw response body, never null
 */
public record OfferResult(int statusCode, String body) {

  /**
   * The body parsed as a JSON object.
   *
   * @return the object, or null if the body is not a JSON object
   */
  public JsonObject json() {
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      JsonValue value = reader.readValue();
      return value.getValueType() == JsonValue.ValueType.OBJECT ? value.asJsonObject() : null;
    } catch (JsonException | IllegalStateException e) {
      return null;
    }
  }

  /**
   * Whether this is an SDP answer ({@code "type":"answer"} with an {@code "sdp"} string).
   *
   * @return true for an answer
   */
  public boolean isAnswer() {
    return "answer".equals(string("type")) && sdp() != null;
  }

  /**
   * Whether the body says {@code "status":"failed"}.
   *
   * @return true for a logical failure
   */
  public boolean isFailed() {
    return "failed".equals(status());
  }

  /**
   * The {@code "status"} field.
   *
   * @return e.g. "success" or "failed"; null if absent
   */
  public String status() {
    return string("status");
  }

  /**
   * The answer SDP.
   *
   * @return the {@code "sdp"} field, null if absent
   */
  public String sdp() {
    return string("sdp");
  }

  /**
   * The {@code "meta"} object of a failure.
   *
   * @return meta, or null if absent
   */
  public JsonObject meta() {
    JsonObject json = json();
    JsonValue meta = json == null ? null : json.get("meta");
    return meta instanceof JsonObject ? (JsonObject) meta : null;
  }

  /**
   * The {@code meta.error} text of a failure, e.g. {@code "concurrency_limit_reached"}.
   *
   * @return the error, or null if absent
   */
  public String error() {
    JsonObject meta = meta();
    JsonValue error = meta == null ? null : meta.get("error");
    return error != null && error.getValueType() == JsonValue.ValueType.STRING
        ? meta.getString("error")
        : null;
  }

  private String string(String name) {
    JsonObject json = json();
    JsonValue value = json == null ? null : json.get(name);
    return value != null && value.getValueType() == JsonValue.ValueType.STRING
        ? json.getString(name)
        : null;
  }
}
