package io.fastrtc.jakarta.web.rest;

import io.fastrtc.jakarta.api.StreamUser;
import io.fastrtc.jakarta.runtime.FastRtcEngine;
import io.fastrtc.jakarta.runtime.stream.StreamDefinition;
import io.fastrtc.jakarta.runtime.wire.ErrorCode;
import io.fastrtc.jakarta.runtime.wire.InvalidRequestException;
import io.fastrtc.jakarta.runtime.wire.OfferRequest;
import io.fastrtc.jakarta.runtime.wire.SignalResponse;
import io.fastrtc.jakarta.web.security.Callers;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * The shared body of the two offer routes: read (bounded), parse, hand to the runtime on behalf of
 * the caller (403 when single sign-on is on and the caller lacks the stream's roles).
 */
final class Signalling {
  private Signalling() {}

  static Response handle(
      FastRtcEngine runtime,
      Optional<StreamDefinition> stream,
      String what,
      InputStream body,
      Callers callers,
      HttpServletRequest http)
      throws IOException {
    if (stream.isEmpty()) {
      return Bodies.toResponse(
          SignalResponse.rejected(404, ErrorCode.UNKNOWN_STREAM, "no " + what + " is deployed"));
    }
    StreamUser caller = callers.of(http);
    if (!callers.access().mayUse(caller, stream.get())) {
      return Bodies.toResponse(
          SignalResponse.rejected(
              403,
              ErrorCode.FORBIDDEN,
              "you lack the roles of stream '" + stream.get().name() + "'"));
    }
    String text = Bodies.read(body, OfferRequest.MAX_BODY_BYTES);
    try {
      OfferRequest request = OfferRequest.parse(text);
      return Bodies.toResponse(
          runtime.signaling().handle(stream.get(), request, caller, http.getRemoteAddr()));
    } catch (InvalidRequestException e) {
      return Bodies.toResponse(
          SignalResponse.rejected(400, ErrorCode.INVALID_REQUEST, e.getMessage()));
    }
  }
}
