package io.fastrtc.jakarta.handlers.turn;

/** What a {@link PauseDetector} concludes from one window of audio. */
public enum TurnSignal {
  /** Nothing changed. */
  NONE,
  /**
   * The user has started talking (FastRTC's {@code started_talking}). While a reply plays, this is
   * the barge-in: with {@code canInterrupt} the reply stops at once.
   */
  STARTED_TALKING,
  /** The user's turn has ended (FastRTC's {@code pause_detected}): reply now. */
  PAUSE
}
