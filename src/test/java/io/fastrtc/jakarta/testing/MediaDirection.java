package io.fastrtc.jakarta.testing;

/** What a {@link ClientPeer} offers for one kind of media (audio or video). */
public enum MediaDirection {
  /**
   * A track that sends (sendrecv), like a browser microphone or camera: a {@link PacedAudioSource}
   * for audio, a {@link PacedVideoSource} for video. Also what browsers offer for send-only
   * streams.
   */
  SEND_RECEIVE,
  /** A recvonly transceiver, as the Gradio client offers for receive-only streams. */
  RECEIVE_ONLY,
  /** No media section of this kind at all. */
  NONE
}
