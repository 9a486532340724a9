package io.fastrtc.jakarta.runtime.cluster.redis;

import io.fastrtc.jakarta.runtime.cluster.Cluster;
import io.lettuce.core.RedisClient;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.logging.Logger;

/**
 * One subscriber on this node to the outputs of a connection that another node owns: a loop of
 * blocking {@code XREAD}s on a Redis connection of its own, from the entry after the last one
 * delivered ({@code Last-Event-ID} resume), delivering on the executor. It ends at the owner's end
 * entry, when neither the owner entry nor the stream exists any more, or when the listener throws.
 */
// Lettuce commands are sent in order and their futures ignored where a failure changes nothing:
// a lease that is not released or renewed expires on its own.
@SuppressWarnings("FutureReturnValueIgnored")
final class RemoteOutputs {
  private static final Logger LOG = Logger.getLogger(RemoteOutputs.class.getName());

  private final StatefulRedisConnection<String, String> connection;
  private final Executor executor;
  private final Duration block;
  private final String ownerKey;
  private final String outputsKey;
  private final Cluster.OutputListener listener;
  private String lastId;

  private RemoteOutputs(
      StatefulRedisConnection<String, String> connection,
      Executor executor,
      Duration block,
      String ownerKey,
      String outputsKey,
      long after,
      Cluster.OutputListener listener) {
    this.connection = connection;
    this.executor = executor;
    this.block = block;
    this.ownerKey = ownerKey;
    this.outputsKey = outputsKey;
    this.lastId = after + "-0";
    this.listener = listener;
  }

  static void start(
      RedisClient client,
      Executor executor,
      Duration timeout,
      String ownerKey,
      String outputsKey,
      long after,
      Cluster.OutputListener listener) {
    StatefulRedisConnection<String, String> connection = client.connect();
    // A blocking read must return before the command timeout.
    Duration block = Duration.ofMillis(Math.max(50, Math.min(1000, timeout.toMillis() / 2)));
    new RemoteOutputs(connection, executor, block, ownerKey, outputsKey, after, listener).read();
  }

  @SuppressWarnings("unchecked") // xread takes StreamOffset varargs of a generic type
  private void read() {
    connection
        .async()
        .xread(
            XReadArgs.Builder.block(block).count(100),
            XReadArgs.StreamOffset.from(outputsKey, lastId))
        .whenCompleteAsync(
            (messages, error) -> {
              if (error != null) {
                end("the read failed: " + error);
              } else if (messages == null || messages.isEmpty()) {
                checkStillThere();
              } else {
                deliver(messages);
              }
            },
            executor);
  }

  private void deliver(List<StreamMessage<String, String>> messages) {
    for (StreamMessage<String, String> m : messages) {
      lastId = m.getId();
      if (m.getBody().containsKey("end")) {
        end(null);
        return;
      }
      String data = m.getBody().get("d");
      if (data == null) {
        continue;
      }
      try {
        listener.onOutput(Long.parseLong(lastId.substring(0, lastId.indexOf('-'))), data);
      } catch (Exception e) {
        end(null); // the client went away
        return;
      }
    }
    read();
  }

  private void checkStillThere() {
    connection
        .async()
        .exists(ownerKey, outputsKey)
        .whenCompleteAsync(
            (known, error) -> {
              if (error != null) {
                end("the check failed: " + error);
              } else if (known == null || known == 0) {
                end(null);
              } else {
                read();
              }
            },
            executor);
  }

  private void end(String problem) {
    if (problem != null) {
      LOG.warning(() -> "Outputs from " + outputsKey + " ended early: " + problem);
    }
    connection.closeAsync();
    listener.onEnd();
  }
}
