package io.fastrtc.jakarta.runtime.socket;

import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The rate half of a socket's message policy ({@link SocketSessions.Limits}): two token buckets,
 * one of messages and one of characters, each refilled at its rate per second and holding at most
 * one second's worth (the characters' bucket at least one largest message). A client within the
 * rates never notices it; one that sends faster than that for about a second is told why and the
 * socket closes with 1008. The container delivers one socket's messages one at a time, but the text
 * and binary handlers may run on different threads, so it locks itself.
 */
final class FloodGate {
  private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

  private final SocketSessions.Limits limits;
  private final Bucket messages;
  private final Bucket chars;
  private final Consumer<String> onFlood;
  private boolean tripped;

  /**
   * @param limits the rates
   * @param nowNanos the start, {@link System#nanoTime()}
   * @param onFlood told once what was exceeded, for the client
   */
  FloodGate(SocketSessions.Limits limits, long nowNanos, Consumer<String> onFlood) {
    this.limits = limits;
    this.onFlood = onFlood;
    this.messages = new Bucket(limits.maxMessagesPerSecond(), limits.maxMessagesPerSecond());
    this.chars =
        new Bucket(
            limits.maxCharsPerSecond(),
            Math.max(limits.maxCharsPerSecond(), limits.maxMessageChars()));
    messages.start(nowNanos);
    chars.start(nowNanos);
  }

  /**
   * Counts a part of a text message that arrived now: its characters, and the message when {@code
   * last}.
   *
   * @return whether it is within the policy; if not, the flood was reported
   */
  synchronized boolean part(int chars, boolean last, long nowNanos) {
    if (!this.chars.take(chars, nowNanos)) {
      return trip(exceeded(limits.maxCharsPerSecond(), "characters"));
    }
    return !last || message(nowNanos);
  }

  /**
   * Counts one whole message (text or binary) that arrived now.
   *
   * @return whether it is within the policy; if not, the flood was reported
   */
  synchronized boolean message(long nowNanos) {
    return messages.take(1, nowNanos) || trip(exceeded(limits.maxMessagesPerSecond(), "messages"));
  }

  /** Reports the first flood only; returns false. */
  private boolean trip(String why) {
    if (!tripped) {
      tripped = true;
      onFlood.accept(why);
    }
    return false;
  }

  private static String exceeded(int limit, String what) {
    return "message rate exceeded: more than " + limit + " " + what + " per second";
  }

  /** Tokens in units of 1/{@code SECOND}, so that refilling needs no fractions. */
  private static final class Bucket {
    private final long ratePerSecond;
    private final long capacity;
    private long scaledTokens;
    private long lastNanos;

    Bucket(long ratePerSecond, long capacity) {
      this.ratePerSecond = ratePerSecond;
      this.capacity = capacity;
    }

    void start(long nowNanos) {
      lastNanos = nowNanos;
      scaledTokens = Math.multiplyExact(capacity, SECOND);
    }

    boolean take(long tokens, long nowNanos) {
      long elapsed = Math.max(0, nowNanos - lastNanos);
      lastNanos = nowNanos;
      long max = capacity * SECOND;
      // elapsed * rate may overflow after a long quiet spell: then the bucket is simply full
      long refill = elapsed > max / Math.max(1, ratePerSecond) ? max : elapsed * ratePerSecond;
      scaledTokens = Math.min(max, scaledTokens + refill);
      long needed = Math.multiplyExact(tokens, SECOND);
      if (scaledTokens < needed) {
        return false;
      }
      scaledTokens -= needed;
      return true;
    }
  }
}
