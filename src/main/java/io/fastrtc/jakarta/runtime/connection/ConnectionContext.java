package io.fastrtc.jakarta.runtime.connection;

import io.fastrtc.jakarta.api.StreamContext;
import io.fastrtc.jakarta.api.StreamUser;
import io.fastrtc.jakarta.runtime.wire.ChannelMessages;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link StreamContext} a handler sees: a thin view of its {@link Connection}, its inputs and
 * its outgoing audio.
 */
final class ConnectionContext implements StreamContext {
  private final Connection connection;
  private final ConnectionInputs inputs;
  private final AudioOutput audio;
  private final StreamUser owner;

  /**
   * @param audio the outgoing audio, or null when the stream sends none
   * @param owner the user who opened the connection, or null without single sign-on
   */
  ConnectionContext(
      Connection connection, ConnectionInputs inputs, AudioOutput audio, StreamUser owner) {
    this.connection = connection;
    this.inputs = inputs;
    this.audio = audio;
    this.owner = owner;
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
    Object value = inputs.value();
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
    return connection.definition().inputs().toMap(inputs.value());
  }

  @Override
  public boolean waitForInputs(Duration timeout) throws InterruptedException {
    Objects.requireNonNull(timeout, "timeout == null");
    if (isPhone()) {
      // A caller cannot send inputs: the handler goes on with what it has (FastRTC's phone mode).
      return false;
    }
    return inputs.await(
        timeout, () -> connection.sendText(ChannelMessages.sendInput()), connection::isOpen);
  }

  @Override
  public Optional<StreamUser> user() {
    return Optional.ofNullable(owner);
  }

  @Override
  public boolean isOpen() {
    return connection.isOpen();
  }

  @Override
  public long bufferedAudioMillis() {
    return audio == null ? 0 : audio.bufferedMillis();
  }

  @Override
  public long flushAudio() {
    return audio == null ? 0 : audio.flush(connection.isOpen() ? connection.transport() : null);
  }

  @Override
  public boolean isPhone() {
    Transport t = connection.transport();
    return t != null && t.isPhone();
  }
}
