package io.fastrtc.jakarta.runtime.connection;

import io.fastrtc.jakarta.api.StreamContext;
import io.fastrtc.jakarta.runtime.wire.ChannelMessages;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/** The {@link StreamContext} a handler sees: a thin view of its {@link Connection}. */
final class ConnectionContext implements StreamContext {
  private final Connection connection;

  ConnectionContext(Connection connection) {
    this.connection = connection;
  }

  @Override
  public String connectionId() {
    return connection.id();
  }

  @Override
  public String streamName() {
    return connection.definition().name();
  }

  @Override
  public void send(String message) {
    connection.sendText(Objects.requireNonNull(message, "message == null"));
  }

  @Override
  public void send(String type, Object data) {
    connection.sendText(ChannelMessages.typed(Objects.requireNonNull(type, "type == null"), data));
  }

  @Override
  public void warn(String message) {
    connection.sendText(
        ChannelMessages.warning(Objects.requireNonNull(message, "message == null")));
  }

  @Override
  public <T extends Record> T inputs(Class<T> type) {
    Objects.requireNonNull(type, "type == null");
    Object value = connection.inputs();
    if (!type.isInstance(value)) {
      throw new IllegalArgumentException(
          "stream "
              + connection.definition().name()
              + " declares inputs "
              + connection.definition().inputs().type().getName()
              + ", not "
              + type.getName());
    }
    return type.cast(value);
  }

  @Override
  public Map<String, Object> latestInputs() {
    return connection.definition().inputs().toMap(connection.inputs());
  }

  @Override
  public boolean waitForInputs(Duration timeout) throws InterruptedException {
    return connection.awaitInputs(Objects.requireNonNull(timeout, "timeout == null"));
  }

  @Override
  public boolean isOpen() {
    return connection.isOpen();
  }

  @Override
  public long bufferedAudioMillis() {
    return connection.bufferedAudioMillis();
  }

  @Override
  public long flushAudio() {
    return connection.flushAudio();
  }

  @Override
  public boolean isPhone() {
    return connection.isPhone();
  }
}
