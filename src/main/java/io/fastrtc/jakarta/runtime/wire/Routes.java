package io.fastrtc.jakarta.runtime.wire;

/**
 * The names of the inputs-and-outputs routes FastRTC's demo frontends use (reference section 2.8),
 * defined once: {@code POST /input_hook} with {@code {"webrtc_id":..., <inputs>}} and {@code GET
 * /outputs?webrtc_id=...}, a Server-Sent Events stream of {@code event: output}.
 */
public final class Routes {
  /** The connection id field and query parameter. */
  public static final String WEBRTC_ID = "webrtc_id";

  /** The input route, relative to the application root or a stream's base path. */
  public static final String INPUT_HOOK = "input_hook";

  /** The output route, relative to the application root or a stream's base path. */
  public static final String OUTPUTS = "outputs";

  /** The SSE event name of one additional output; its data is the JSON array of the values. */
  public static final String OUTPUT_EVENT = "output";

  /**
   * Not FastRTC's: the SSE event telling a subscriber it missed outputs because the connection's
   * buffer overflowed; data {@code {"missed":n}}.
   */
  public static final String OVERFLOW_EVENT = "overflow";

  /** The largest accepted input-hook body, in bytes. */
  public static final int MAX_INPUT_BODY_BYTES = 64 * 1024;

  private Routes() {}
}
