package io.fastrtc.jakarta.handlers.turn;

import io.fastrtc.jakarta.api.AudioEmission;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One reply as {@link ReplyOnPause} consumes it: a subscriber that asks for one emission at a time
 * when the handler has none queued, and drops everything once cancelled. Emissions may arrive on
 * any thread; {@link #poll()} and {@link #cancel()} run on the handler's.
 */
final class ReplyStream implements Flow.Subscriber<AudioEmission> {
  private final ConcurrentLinkedQueue<AudioEmission> queue = new ConcurrentLinkedQueue<>();
  private final AtomicInteger outstanding = new AtomicInteger();
  private volatile Flow.Subscription subscription;
  private volatile boolean complete;
  private volatile Throwable error;
  private volatile boolean cancelled;

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    if (cancelled) {
      s.cancel();
    }
  }

  @Override
  public void onNext(AudioEmission item) {
    outstanding.decrementAndGet();
    if (!cancelled && item != null) {
      queue.add(item);
    }
  }

  @Override
  public void onError(Throwable throwable) {
    error = throwable;
    complete = true;
  }

  @Override
  public void onComplete() {
    complete = true;
  }

  /**
   * The next emission, requesting one when none is queued or asked for; null when none is ready.
   */
  AudioEmission poll() {
    AudioEmission item = queue.poll();
    Flow.Subscription s = subscription;
    if (item == null && !complete && !cancelled && s != null && outstanding.get() <= 0) {
      outstanding.incrementAndGet();
      s.request(1);
      item = queue.poll();
    }
    return item;
  }

  /** Whether the reply has ended and everything it sent was taken. */
  boolean isFinished() {
    return complete && queue.isEmpty();
  }

  /** The reply's failure, or null. */
  Throwable error() {
    return error;
  }

  /** Stops the reply: the publisher is told, and nothing more is taken. */
  void cancel() {
    cancelled = true;
    queue.clear();
    Flow.Subscription s = subscription;
    if (s != null) {
      s.cancel();
    }
  }
}
