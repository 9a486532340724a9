package io.fastrtc.jakarta.web.operations;

import io.fastrtc.jakarta.runtime.FastRtcEngine;
import io.fastrtc.jakarta.runtime.operations.DrainState;
import io.fastrtc.jakarta.runtime.wire.ErrorCode;
import io.fastrtc.jakarta.runtime.wire.SignalResponse;
import io.fastrtc.jakarta.web.security.Callers;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * {@code GET /api/drain}: the drain's state and the live connections; {@code POST /api/drain} (body
 * optional: {@code {"deadline_seconds": N}}) starts draining (under single sign-on an operator
 * route: 403 without the operator role). Answers {@code 202} with the state.
 */
@Path("drain")
@RequestScoped
public class DrainResource {
  private static final int MAX_BODY = 1024;

  @Inject FastRtcEngine engine;
  @Inject Callers callers;
  @Context HttpServletRequest request;

  /** The drain's state. */
  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Response state() {
    return Response.ok(json(engine.drain().state()), MediaType.APPLICATION_JSON_TYPE).build();
  }

  /** Starts draining, or brings the deadline closer. */
  @POST
  @Produces(MediaType.APPLICATION_JSON)
  public Response drain(InputStream body) throws IOException {
    if (!callers.access().isOperator(callers.of(request))) {
      return refuse(403, ErrorCode.FORBIDDEN, "draining the server needs the operator role");
    }
    byte[] bytes = body == null ? new byte[0] : body.readNBytes(MAX_BODY + 1);
    if (bytes.length > MAX_BODY) {
      return refuse(
          413, ErrorCode.BODY_TOO_LARGE, "the body is larger than " + MAX_BODY + " bytes");
    }
    Duration within = engine.settings().drainDeadline();
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (!text.isBlank()) {
      try (JsonReader reader = Json.createReader(new StringReader(text))) {
        JsonValue value = reader.readValue();
        JsonValue seconds =
            value.getValueType() == JsonValue.ValueType.OBJECT
                ? value.asJsonObject().get("deadline_seconds")
                : null;
        if (value.getValueType() != JsonValue.ValueType.OBJECT
            || (seconds != null && !validSeconds(seconds))) {
          return refuse(
              400,
              ErrorCode.INVALID_REQUEST,
              "expected {\"deadline_seconds\": N} with N a whole number from 0 to 86400");
        }
        if (seconds != null) {
          within = Duration.ofSeconds(((JsonNumber) seconds).longValue());
        }
      } catch (JsonException e) {
        return refuse(400, ErrorCode.INVALID_REQUEST, "the body is not valid JSON");
      }
    }
    DrainState state = engine.drain().start(within);
    return Response.status(202).type(MediaType.APPLICATION_JSON_TYPE).entity(json(state)).build();
  }

  private static boolean validSeconds(JsonValue v) {
    if (v.getValueType() != JsonValue.ValueType.NUMBER) {
      return false;
    }
    JsonNumber n = (JsonNumber) v;
    return n.isIntegral() && n.longValue() >= 0 && n.longValue() <= 86_400;
  }

  private static Response refuse(int status, ErrorCode code, String detail) {
    SignalResponse r = SignalResponse.rejected(status, code, detail);
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(r.json()).build();
  }

  static String json(DrainState s) {
    JsonObjectBuilder b =
        Json.createObjectBuilder()
            .add("status", s.draining() ? "draining" : "serving")
            .add("live_connections", s.live())
            .add("deadline_passed", s.deadlinePassed());
    if (s.startedAt() != null) {
      b.add("started_at", s.startedAt().toString());
    }
    if (s.deadline() != null) {
      b.add("deadline", s.deadline().toString());
    }
    return b.build().toString();
  }
}
