package io.fastrtc.jakarta.runtime;

import io.fastrtc.jakarta.api.VideoFrame;

/** The media side of a connection (a WebRTC peer, a WebSocket): what the runtime pushes into. */
public interface Transport {

  /** Sends a text message to the client (data channel or socket); queued until it can be sent. */
  void sendText(String message);

  /**
   * Sends 10 ms of audio. Called by the shared clock thread only.
   *
   * @param frame interleaved int16 samples, exactly {@code sampleRate / 100 * channels}
   */
  void pushAudio(short[] frame, int sampleRate, int channels);

  /**
   * Sends one video frame, any format; called from the connection's handler lane. Transports
   * without video (WebSocket, telephone) ignore it.
   */
  default void pushVideo(VideoFrame frame) {}

  /** Frees every resource of the transport. Idempotent; never throws. */
  void close();
}
