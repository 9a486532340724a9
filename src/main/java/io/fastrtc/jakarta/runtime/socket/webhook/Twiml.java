package io.fastrtc.jakarta.runtime.socket.webhook;

/**
 * The TwiML answers of {@code POST /telephone/incoming}. The connect answer is FastRTC's, byte for
 * byte apart from the URL: a greeting, a {@code <Connect><Stream>} to the handler route, and a
 * goodbye that Twilio says when the stream ends.
 */
final class Twiml {
  private static final String PROLOG = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

  private Twiml() {}

  /** Connects the call to the Media Stream at {@code webSocketUrl}. */
  static String connect(String webSocketUrl) {
    return PROLOG
        + "<Response><Say>Connecting to the AI assistant.</Say><Connect><Stream url=\""
        + escape(webSocketUrl)
        + "\" /></Connect><Say>The call has been disconnected.</Say></Response>";
  }

  /**
   * Not FastRTC's: the stream is at its concurrency limit, so the caller hears why and hangs up.
   */
  static String busy() {
    return PROLOG
        + "<Response><Say>All lines are busy. Please call again later.</Say><Hangup/></Response>";
  }

  /** Escapes text for an XML attribute value. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&apos;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
