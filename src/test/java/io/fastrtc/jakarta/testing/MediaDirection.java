package io.fastrtc.jakarta.testing;

/** What a {@link ClientPeer} offers for audio. */
public enum MediaDirection {
  /** An audio track fed by a {@link PacedAudioSource} (sendrecv), like a browser microphone. */
  SEND_RECEIVE,
  /** A recvonly audio transceiver, as the Gradio client offers for receive-only streams. */
  RECEIVE_ONLY
}
