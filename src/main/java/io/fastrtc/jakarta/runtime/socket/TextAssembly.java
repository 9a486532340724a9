package io.fastrtc.jakarta.runtime.socket;

import io.fastrtc.jakarta.runtime.wire.SocketEvent;
import java.util.function.Consumer;

/**
 * Puts a text message together from the parts the container delivers, so that our own limit, not
 * the container's text buffer, decides what happens to a long message. Containers differ: Open
 * Liberty ignores the socket's text buffer size, Payara's Tyrus enforces it on fragmented messages
 * and closes the socket (1009) without a word. A message of at most {@link #KEPT_CHARS} characters
 * is handed on whole; of a longer one only the length is counted, and it is answered with the
 * contract's {@code message too large} error while the socket stays open, on every server.
 */
final class TextAssembly {
  /** The most characters kept for one message unless configured: the default message limit. */
  static final int KEPT_CHARS = SocketEvent.MAX_MESSAGE_CHARS;

  private final int keptChars;

  private final Consumer<String> whole;
  private final Consumer<Long> tooLong;
  private final StringBuilder kept = new StringBuilder();
  private long length;

  /**
   * @param whole receives each message of at most {@link #KEPT_CHARS} characters
   * @param tooLong receives the length of each longer message, once its last part arrived
   */
  TextAssembly(Consumer<String> whole, Consumer<Long> tooLong) {
    this(KEPT_CHARS, whole, tooLong);
  }

  /**
   * @param keptChars the longest message handed on whole
   * @param whole receives each message of at most {@code keptChars} characters
   * @param tooLong receives the length of each longer message, once its last part arrived
   */
  TextAssembly(int keptChars, Consumer<String> whole, Consumer<Long> tooLong) {
    this.keptChars = keptChars;
    this.whole = whole;
    this.tooLong = tooLong;
  }

  /** One part of a text message; {@code last} ends the message. */
  synchronized void part(String text, boolean last) {
    length += text.length();
    if (length <= keptChars) {
      kept.append(text);
    } else if (kept.length() > 0) {
      kept.setLength(0);
      kept.trimToSize();
    }
    if (!last) {
      return;
    }
    long total = length;
    String message = total <= keptChars ? kept.toString() : null;
    kept.setLength(0);
    length = 0;
    if (message != null) {
      whole.accept(message);
    } else {
      tooLong.accept(total);
    }
  }
}
