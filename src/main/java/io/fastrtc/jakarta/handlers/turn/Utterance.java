package io.fastrtc.jakarta.handlers.turn;

import io.fastrtc.jakarta.api.AudioFrame;
import io.fastrtc.jakarta.api.StreamContext;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@link ReplyFunction} replies to: the user's speech, why the reply starts now, and the
 * connection (for its inputs and for messages).
 *
 * @param audio the user's speech, mono at {@link ReplyOptions#utteranceSampleRate()}, from shortly
 *     before they started talking to the end of the pause; empty for a greeting, and for a trigger
 *     when nothing was said
 * @param reason why the reply starts
 * @param context the connection
 */
public record Utterance(AudioFrame audio, Reason reason, StreamContext context) {

  /** Why a reply starts. */
  public enum Reason {
    /** The connection started: the greeting ({@code startup_fn}). */
    STARTUP,
    /** The user's turn ended: a pause, or {@code max_continuous_speech} reached. */
    PAUSE,
    /** {@link ReplyOnPause#triggerResponse()} or the trigger input ({@code trigger_response}). */
    TRIGGER
  }

  /** Checks the arguments. */
  public Utterance {
    Objects.requireNonNull(audio, "audio == null");
    Objects.requireNonNull(reason, "reason == null");
    Objects.requireNonNull(context, "context == null");
  }

  /**
   * The stream's inputs, typed; see {@link StreamContext#inputs(Class)}. With {@link
   * ReplyOptions.Builder#needsInputs(boolean)} they were fetched for this turn ({@code
   * send_input}).
   */
  public <T extends Record> T inputs(Class<T> type) {
    return context.inputs(type);
  }

  /** The stream's inputs by name; see {@link StreamContext#latestInputs()}. */
  public Map<String, Object> latestInputs() {
    return context.latestInputs();
  }

  /** Whether the user said anything. */
  public boolean isEmpty() {
    return audio.sampleCount() == 0;
  }
}
