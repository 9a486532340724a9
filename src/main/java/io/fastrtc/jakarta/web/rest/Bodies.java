package io.fastrtc.jakarta.web.rest;

import io.fastrtc.jakarta.runtime.wire.ErrorCode;
import io.fastrtc.jakarta.runtime.wire.SignalResponse;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Reading request bodies with a size limit, and writing {@link SignalResponse}s. */
final class Bodies {
  private Bodies() {}

  /**
   * Reads at most {@code limit} bytes as UTF-8.
   *
   * @throws WebApplicationException 413 with the contract's failure body when larger, 400 when the
   *     body cannot be read (a broken chunked framing, a client that left mid-body)
   */
  static String read(InputStream in, int limit) {
    try {
      return readBounded(in, limit);
    } catch (IOException | RuntimeException e) {
      if (e instanceof WebApplicationException w) {
        throw w;
      }
      throw new WebApplicationException(
          toResponse(
              SignalResponse.rejected(
                  400,
                  ErrorCode.INVALID_REQUEST,
                  "the request body could not be read: " + e.getClass().getSimpleName())));
    }
  }

  private static String readBounded(InputStream in, int limit) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    int n;
    while ((n = in.read(buffer)) > 0) {
      if (out.size() + n > limit) {
        throw new WebApplicationException(
            toResponse(
                SignalResponse.rejected(
                    413,
                    ErrorCode.BODY_TOO_LARGE,
                    "the request body is larger than " + limit + " bytes")));
      }
      out.write(buffer, 0, n);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  static Response toResponse(SignalResponse response) {
    Response.ResponseBuilder built =
        Response.status(response.httpStatus())
            .type(MediaType.APPLICATION_JSON_TYPE)
            .entity(response.json());
    if (response.retryAfterSeconds() > 0) {
      built.header("Retry-After", response.retryAfterSeconds());
    }
    return built.build();
  }
}
