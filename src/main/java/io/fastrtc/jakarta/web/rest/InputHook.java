package io.fastrtc.jakarta.web.rest;

import io.fastrtc.jakarta.api.InvalidInputsException;
import io.fastrtc.jakarta.api.StreamConnections;
import io.fastrtc.jakarta.api.UnknownConnectionException;
import io.fastrtc.jakarta.runtime.wire.ErrorCode;
import io.fastrtc.jakarta.runtime.wire.InputHookRequest;
import io.fastrtc.jakarta.runtime.wire.InvalidRequestException;
import io.fastrtc.jakarta.runtime.wire.Routes;
import io.fastrtc.jakarta.runtime.wire.SignalResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * The shared body of the two input routes: read (bounded), parse, {@link
 * StreamConnections#setInput}, map the outcome (200, 400 with field errors, 404). A connection
 * another node of a cluster owns gets the owner's answer ({@link ClusterRoute#forward}).
 */
final class InputHook {
  private InputHook() {}

  /**
   * @param stream the stream the route belongs to, or empty for the root route (any stream)
   */
  static Response handle(
      StreamConnections connections,
      Optional<String> stream,
      InputStream body,
      ClusterRoute cluster)
      throws IOException {
    String text = Bodies.read(body, Routes.MAX_INPUT_BODY_BYTES);
    InputHookRequest request;
    try {
      request = InputHookRequest.parse(text);
    } catch (InvalidRequestException e) {
      return Bodies.toResponse(
          SignalResponse.rejected(400, ErrorCode.INVALID_REQUEST, e.getMessage()));
    }
    if (connections.streamOf(request.webrtcId()).isEmpty()) {
      Optional<Response> forwarded = cluster.forward(request.webrtcId(), text);
      if (forwarded.isPresent()) {
        return forwarded.get();
      }
    }
    try {
      if (stream.isPresent() && !stream.equals(connections.streamOf(request.webrtcId()))) {
        throw new UnknownConnectionException(request.webrtcId());
      }
      return Bodies.toResponse(
          SignalResponse.inputsAccepted(
              connections.setInput(request.webrtcId(), request.values())));
    } catch (UnknownConnectionException e) {
      return Bodies.toResponse(unknown(e, stream));
    } catch (InvalidInputsException e) {
      return Bodies.toResponse(SignalResponse.invalidInputs(e));
    }
  }

  static SignalResponse unknown(UnknownConnectionException e, Optional<String> stream) {
    return SignalResponse.rejected(
        404,
        ErrorCode.UNKNOWN_CONNECTION,
        e.getMessage() + stream.map(s -> " on stream '" + s + "'").orElse(""));
  }
}
