package io.fastrtc.jakarta.runtime.wire;

import io.fastrtc.jakarta.api.InvalidInputsException;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Map;

/**
 * A response of the FastRTC routes ({@code POST /webrtc/offer}, {@code POST /input_hook}): an HTTP
 * status and a JSON body. FastRTC answers every logical signalling failure with HTTP 200 and {@code
 * {"status":"failed","meta":{"error":...}}}; only malformed requests (our additions) use 4xx/5xx.
 *
 * @param httpStatus the HTTP status code
 * @param body the JSON body
 */
public record SignalResponse(int httpStatus, JsonObject body) {

  /** {@code {"sdp":...,"type":"answer"}}. */
  public static SignalResponse answer(String sdp) {
    return ok(Json.createObjectBuilder().add("sdp", sdp).add("type", "answer").build());
  }

  /** {@code {"status":"success"}}, for an accepted candidate. */
  public static SignalResponse success() {
    return ok(Json.createObjectBuilder().add("status", "success").build());
  }

  /** A FastRTC failure body with HTTP 200. */
  public static SignalResponse failed(ErrorCode code) {
    return new SignalResponse(200, failure(code.wireName(), Json.createObjectBuilder()));
  }

  /** A FastRTC failure body whose error is free text (FastRTC's exception-text case), HTTP 200. */
  public static SignalResponse failed(String error) {
    return new SignalResponse(200, failure(error, Json.createObjectBuilder()));
  }

  /** {@code concurrency_limit_reached} with {@code limit}, HTTP 200. */
  public static SignalResponse concurrencyLimitReached(int limit) {
    return new SignalResponse(
        200,
        failure(
            ErrorCode.CONCURRENCY_LIMIT_REACHED.wireName(),
            Json.createObjectBuilder().add("limit", limit)));
  }

  /** One of our 4xx/5xx answers: the failure shape plus a human-readable {@code detail}. */
  public static SignalResponse rejected(int httpStatus, ErrorCode code, String detail) {
    return new SignalResponse(
        httpStatus, failure(code.wireName(), Json.createObjectBuilder().add("detail", detail)));
  }

  /**
   * The server is draining: HTTP 503, {@code server_draining}; the route adds {@code Retry-After:}
   * {@link #retryAfterSeconds()}.
   */
  public static SignalResponse draining() {
    return rejected(
        503,
        ErrorCode.SERVER_DRAINING,
        "this server is draining and takes no new connection; try again (another server)");
  }

  /** Seconds for a {@code Retry-After} header (a draining server's refusal), else 0. */
  public int retryAfterSeconds() {
    return httpStatus == 503 && isFailure() && errorIs(ErrorCode.SERVER_DRAINING)
        ? RETRY_AFTER_SECONDS
        : 0;
  }

  /** The {@code Retry-After} of a draining server's refusal. */
  public static final int RETRY_AFTER_SECONDS = 5;

  private boolean errorIs(ErrorCode code) {
    return code.wireName().equals(body.getJsonObject("meta").getString("error", null));
  }

  /** The input hook's success: {@code {"status":"ok","inputs":{...}}}, HTTP 200. */
  public static SignalResponse inputsAccepted(Map<String, Object> inputs) {
    return ok(
        Json.createObjectBuilder()
            .add("status", "ok")
            .add("inputs", ChannelMessages.toJson(inputs))
            .build());
  }

  /**
   * Refused inputs, HTTP 400: {@code {"status":"failed","meta":{"error":"invalid_inputs",
   * "detail":...,"errors":[{"field","message","rejected"}]}}}.
   */
  public static SignalResponse invalidInputs(InvalidInputsException e) {
    JsonArrayBuilder errors = Json.createArrayBuilder();
    for (InvalidInputsException.FieldError error : e.errors()) {
      errors.add(
          Json.createObjectBuilder()
              .add("field", error.field())
              .add("message", error.message())
              .add("rejected", ChannelMessages.toJson(error.rejected())));
    }
    return new SignalResponse(
        400,
        failure(
            ErrorCode.INVALID_INPUTS.wireName(),
            Json.createObjectBuilder().add("detail", e.getMessage()).add("errors", errors)));
  }

  private static SignalResponse ok(JsonObject body) {
    return new SignalResponse(200, body);
  }

  private static JsonObject failure(String error, JsonObjectBuilder meta) {
    return Json.createObjectBuilder()
        .add("status", "failed")
        .add("meta", Json.createObjectBuilder().add("error", error).addAll(meta))
        .build();
  }

  /** Whether this is a failure body. */
  public boolean isFailure() {
    return "failed".equals(body.getString("status", null));
  }

  /** The body as compact JSON text. */
  public String json() {
    return body.toString();
  }
}
