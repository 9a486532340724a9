package io.fastrtc.jakarta.runtime.connection;

import io.fastrtc.jakarta.runtime.wire.ChannelMessages;

/**
 * The connection as its handler lane and fault watch see it: its transport, its text channel, and
 * the two ways a handler ends it (at once, or after the buffered audio has played).
 */
final class ConnectionHost implements LaneHost {
  private final Connection connection;
  private final ConnectionState state;
  private final ConnectionTimers timers;
  private final AudioOutput audio;

  /**
   * @param audio the connection's outgoing audio, or null when the stream sends none
   */
  ConnectionHost(
      Connection connection, ConnectionState state, ConnectionTimers timers, AudioOutput audio) {
    this.connection = connection;
    this.state = state;
    this.timers = timers;
    this.audio = audio;
  }

  @Override
  public Transport transport() {
    return connection.transport();
  }

  @Override
  public void sendText(String message) {
    connection.sendText(message);
  }

  @Override
  public void close(EndReason reason) {
    connection.close(reason);
  }

  @Override
  public void closeAfterPlayback(String message) {
    if (!state.beginClosing()) {
      return;
    }
    timers.closeAfterPlayback(
        audio == null ? 0 : audio.bufferedMillis(),
        () -> {
          Transport t = connection.transport();
          if (t != null) {
            t.sendText(ChannelMessages.endStream(message));
          }
          connection.close(EndReason.CLOSE_STREAM);
        });
  }
}
