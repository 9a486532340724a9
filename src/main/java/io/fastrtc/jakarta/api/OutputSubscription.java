package io.fastrtc.jakarta.api;

/** A live {@link OutputSubscriber} registration; closing it stops delivery and calls onEnd. */
public interface OutputSubscription extends AutoCloseable {

  /** Cancels the subscription. Idempotent. */
  @Override
  void close();
}
