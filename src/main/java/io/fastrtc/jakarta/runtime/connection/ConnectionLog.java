package io.fastrtc.jakarta.runtime.connection;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The two INFO lines an operator follows per connection, in {@code key=value} form so that they can
 * be searched and parsed: {@code Connection opened: id=... stream=... transport=... remote=...}
 * when the transport is attached, and {@code Connection closed: ... duration=12.345s reason=...} on
 * the one close path, whatever ended it. Client-chosen ids are quoted and escaped, so that no id
 * can forge a line.
 */
final class ConnectionLog {
  /** The logger of both lines: {@code io.fastrtc.jakarta.runtime.connection.ConnectionLog}. */
  static final Logger LOG = Logger.getLogger(ConnectionLog.class.getName());

  private ConnectionLog() {}

  static void opened(Connection c, String transport, String remote) {
    LOG.info(() -> "Connection opened: " + fields(c, transport, remote));
  }

  static void closed(
      Connection c, String transport, String remote, long openedNanos, EndReason reason) {
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - openedNanos);
    LOG.info(
        () ->
            "Connection closed: "
                + fields(c, transport, remote)
                + String.format(Locale.ROOT, " duration=%.3fs", millis / 1000.0)
                + " reason="
                + reason.name().toLowerCase(Locale.ROOT));
  }

  private static String fields(Connection c, String transport, String remote) {
    return "id="
        + value(c.id())
        + " stream="
        + value(c.definition().name())
        + " transport="
        + transport
        + " remote="
        + value(remote);
  }

  /**
   * The text as is when it is plain, else in quotes with quotes, backslashes and controls escaped.
   */
  static String value(String text) {
    if (!text.isEmpty() && text.chars().allMatch(ConnectionLog::plain)) {
      return text;
    }
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (ch == '"' || ch == '\\') {
        out.append('\\').append(ch);
      } else if (ch < 0x20 || ch == 0x7f || Character.isISOControl(ch)) {
        out.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
      } else {
        out.append(ch);
      }
    }
    return out.append('"').toString();
  }

  private static boolean plain(int ch) {
    return ch > 0x20 && ch < 0x7f && ch != '"' && ch != '\\' && ch != '=';
  }
}
