package io.fastrtc.jakarta.runtime.connection;

import io.fastrtc.jakarta.runtime.wire.ChannelMessages;

/**
 * The clock side of a connection's outgoing audio: the 10 ms tick that pushes audio (or silence) to
 * the transport, the top-up request when the buffer runs low, and the playback-ended signal.
 */
final class PlaybackClock {
  private final Connection connection;
  private final ConnectionState state;
  private final AudioOutput audio;
  private final AudioLane audioLane;

  /**
   * @param audio the outgoing audio, or null when the stream sends none
   * @param audioLane the handler's audio lane, or null when the stream has no audio handler
   */
  PlaybackClock(
      Connection connection, ConnectionState state, AudioOutput audio, AudioLane audioLane) {
    this.connection = connection;
    this.state = state;
    this.audio = audio;
    this.audioLane = audioLane;
  }

  /** See {@link Connection#tick(long, boolean)}. */
  void tick(long nowNanos, boolean late) {
    if (audio == null || !state.isOpen()) {
      return;
    }
    Transport t = state.isStarted() ? connection.transport() : null;
    boolean low = audio.tick(t, nowNanos, late);
    if (audio.takePlaybackEnded() && t != null && !t.reportsPlaybackEnd()) {
      playbackEnded();
    }
    if (low && state.isStarted() && audioLane != null) {
      audioLane.requestTopUp();
    }
  }

  /** See {@link Connection#playbackEnded()}. */
  void playbackEnded() {
    if (!state.isStarted() || audioLane == null) {
      return;
    }
    connection.sendText(ChannelMessages.playbackEnded());
    audioLane.playbackEnded();
  }
}
