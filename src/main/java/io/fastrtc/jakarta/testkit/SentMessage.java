package io.fastrtc.jakarta.testkit;

/**
 * One message a handler sent through its {@link io.fastrtc.jakarta.api.StreamContext}.
 *
 * @param type the envelope's {@code type} ({@code "warning"} for {@code warn}, {@code "send_input"}
 *     for {@code waitForInputs}), or {@link #RAW} for a raw text sent with {@code send(String)}
 * @param data the data (the text itself for a raw message, the warning's message for a warning)
 */
public record SentMessage(String type, Object data) {
  /** The type of a raw text message: empty. */
  public static final String RAW = "";
}
