package io.fastrtc.jakarta.testing;

import dev.onvoid.webrtc.RTCDataChannelBuffer;
import dev.onvoid.webrtc.RTCDataChannelObserver;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Every text message received on data channels, in arrival order, with a timed wait. Also the UTF-8
 * encoding and decoding of data channel buffers.
 */
public final class MessageLog {

  private final List<String> messages = new ArrayList<>();

  /**
   * Records a message and wakes waiters.
   *
   * @param message the received text
   */
  public synchronized void add(String message) {
    messages.add(message);
    notifyAll();
  }

  /**
   * A snapshot of all messages so far.
   *
   * @return messages in arrival order
   */
  public synchronized List<String> all() {
    return List.copyOf(messages);
  }

  /**
   * The first message, received before or during the wait, that matches.
   *
   * @param matcher what to look for
   * @param timeout how long to wait at most
   * @return the matching message
   * @throws AssertionError on timeout, listing what arrived
   */
  public synchronized String await(Predicate<String> matcher, Duration timeout) {
    Objects.requireNonNull(matcher, "matcher == null");
    long deadline = System.nanoTime() + timeout.toNanos();
    int checked = 0;
    while (true) {
      for (; checked < messages.size(); checked++) {
        if (matcher.test(messages.get(checked))) {
          return messages.get(checked);
        }
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("no matching message within " + timeout + "; got " + messages);
      }
      try {
        wait(Math.max(1, left / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }
  }

  /**
   * An observer that records text messages (binary ones are recorded as their UTF-8 decoding too)
   * and calls {@code onStateChange} on every channel state change.
   *
   * @param onStateChange called on libwebrtc's signalling thread; must not block
   * @return a new observer
   */
  public RTCDataChannelObserver observer(Runnable onStateChange) {
    return new RTCDataChannelObserver() {
      @Override
      public void onBufferedAmountChange(long previousAmount) {}

      @Override
      public void onStateChange() {
        onStateChange.run();
      }

      @Override
      public void onMessage(RTCDataChannelBuffer buffer) {
        add(decode(buffer));
      }
    };
  }

  /**
   * Decodes a buffer as UTF-8 text. Copies the bytes: the native buffer is only valid during the
   * callback.
   *
   * @param buffer a received buffer
   * @return the text
   */
  public static String decode(RTCDataChannelBuffer buffer) {
    ByteBuffer data = buffer.data.duplicate();
    byte[] bytes = new byte[data.remaining()];
    data.get(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /**
   * Encodes text as a non-binary (string) data channel buffer.
   *
   * @param text the message
   * @return a buffer for {@code RTCDataChannel.send}
   */
  public static RTCDataChannelBuffer encode(String text) {
    return new RTCDataChannelBuffer(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), false);
  }
}
