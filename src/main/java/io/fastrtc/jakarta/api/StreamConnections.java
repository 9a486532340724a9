package io.fastrtc.jakarta.api;

import java.util.Map;
import java.util.Optional;

/**
 * The live connections of every stream, for application code that writes its own routes: FastRTC's
 * {@code stream.set_input(...)} and {@code stream.output_stream(...)}. Inject it anywhere in the
 * application:
 *
 * <pre>{@code
 * @Inject StreamConnections connections;
 *
 * @POST @Path("volume")
 * public void volume(@QueryParam("webrtc_id") String id, @QueryParam("gain") double gain) {
 *   connections.setInput(id, Map.of("gain", gain)); // validated; InvalidInputsException if not
 * }
 * }</pre>
 *
 * <p>The built-in {@code POST /input_hook} and {@code GET /outputs} routes use only this interface.
 */
public interface StreamConnections {

  /** The stream a live connection belongs to, or empty when no live connection has this id. */
  Optional<String> streamOf(String connectionId);

  /**
   * Updates some or all of a connection's inputs: the given values are merged over the current ones
   * and the result is validated as a whole. Values may be Java values ({@code 0.5}, {@code "x"},
   * {@code true}) or JSON values ({@code jakarta.json.JsonValue}, so a {@code JsonObject} body can
   * be passed as it is). Names the stream does not declare are ignored; for a stream without an
   * inputs record every value is kept as given. The handler sees the new values on its next call,
   * and a pending {@link StreamContext#waitForInputs} returns.
   *
   * @return the connection's inputs after the update, by name
   * @throws UnknownConnectionException when no live connection has this id
   * @throws InvalidInputsException when a value has the wrong type or breaks a constraint; the
   *     connection keeps its previous values
   */
  Map<String, Object> setInput(String connectionId, Map<String, ?> values);

  /**
   * Replaces a connection's inputs with a record of the stream's inputs type, after validating it.
   *
   * @throws UnknownConnectionException when no live connection has this id
   * @throws InvalidInputsException when the record breaks a constraint
   * @throws IllegalArgumentException when the stream's inputs are of another type
   */
  void setInput(String connectionId, Record inputs);

  /**
   * A connection's current inputs, by name (defaults until the client sets any).
   *
   * @throws UnknownConnectionException when no live connection has this id
   */
  Map<String, Object> inputs(String connectionId);

  /**
   * Subscribes to a connection's additional outputs. Delivery starts with the oldest output the
   * connection still keeps after {@code afterSequence} (0 for all), continues in order as the
   * handler emits, and ends with {@link OutputSubscriber#onEnd()} when the connection closes.
   * Several subscribers per connection are fine; each gets every output.
   *
   * @throws UnknownConnectionException when no live connection has this id
   */
  OutputSubscription subscribe(
      String connectionId, long afterSequence, OutputSubscriber subscriber);

  /**
   * The connections as one user sees them under single sign-on: only the connections that user
   * opened. Every other id behaves as unknown ({@link UnknownConnectionException}, empty {@link
   * #streamOf}), so a route written with the view gives no hint that another user's connection
   * exists. The built-in {@code /input_hook} and {@code /outputs} routes use it for the caller.
   *
   * @param user the authenticated caller
   */
  StreamConnections forUser(StreamUser user);
}
