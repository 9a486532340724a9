package io.fastrtc.jakarta.runtime.connection;

import io.fastrtc.jakarta.api.OutputSubscriber;
import io.fastrtc.jakarta.api.OutputSubscription;
import io.fastrtc.jakarta.runtime.stream.StreamDefinition;
import io.fastrtc.jakarta.runtime.wire.ChannelMessages;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * One connection's additional outputs: kept in an {@link OutputBuffer} for the client's output
 * stream, announced to the client with {@code fetch_output}, and handed to in-process listeners.
 */
final class ConnectionOutputs {
  private static final Logger LOG = Logger.getLogger(ConnectionOutputs.class.getName());

  private final String id;
  private final StreamDefinition definition;
  private final Consumer<String> client;
  private final OutputBuffer buffer;
  private final List<Consumer<List<Object>>> listeners = new CopyOnWriteArrayList<>();
  private final AtomicBoolean countWarned = new AtomicBoolean();

  /**
   * @param client sends a text message to the client while the connection is open
   * @param executor runs deliveries to output-stream subscribers
   */
  ConnectionOutputs(
      String id, StreamDefinition definition, Consumer<String> client, Executor executor) {
    this.id = id;
    this.definition = definition;
    this.client = client;
    this.buffer = new OutputBuffer(OutputBuffer.DEFAULT_CAPACITY, executor);
  }

  /** Adds an in-process listener for every output. */
  void onOutputs(Consumer<List<Object>> listener) {
    listeners.add(listener);
  }

  /** Subscribes to the kept and future outputs (see {@link OutputBuffer#subscribe}). */
  OutputSubscription subscribe(long afterSequence, OutputSubscriber subscriber) {
    return buffer.subscribe(afterSequence, subscriber);
  }

  /** Publishes one output the handler emitted. */
  void publish(List<Object> values) {
    int declared = definition.outputs().size();
    if (declared > 0 && values.size() != declared && countWarned.compareAndSet(false, true)) {
      LOG.warning(
          () ->
              "Stream "
                  + definition.name()
                  + " declares "
                  + declared
                  + " outputs but emitted "
                  + values.size()
                  + " values on connection "
                  + id
                  + "; values map to declared outputs by position");
    }
    buffer.publish(values);
    client.accept(ChannelMessages.fetchOutput());
    for (Consumer<List<Object>> listener : listeners) {
      listener.accept(values);
    }
  }

  /** Ends the output stream: subscribers get what they have not yet received, then end. */
  void close() {
    buffer.close();
  }
}
