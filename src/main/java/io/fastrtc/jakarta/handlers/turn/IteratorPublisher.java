package io.fastrtc.jakarta.handlers.turn;

import java.util.Iterator;
import java.util.concurrent.Flow;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A publisher that pulls from an iterator on the requesting thread, one item per unit of demand;
 * reentrant requests (from {@code onNext}) only add demand. Cancel and completion close an {@link
 * AutoCloseable} iterator.
 */
final class IteratorPublisher<T> implements Flow.Publisher<T> {
  private static final Logger LOG = Logger.getLogger(IteratorPublisher.class.getName());

  private final Supplier<? extends Iterator<? extends T>> source;

  IteratorPublisher(Supplier<? extends Iterator<? extends T>> source) {
    this.source = source;
  }

  @Override
  public void subscribe(Flow.Subscriber<? super T> subscriber) {
    Iterator<? extends T> iterator = source.get();
    subscriber.onSubscribe(new Pull<T>(iterator, subscriber));
  }

  private static final class Pull<T> implements Flow.Subscription {
    private final Iterator<? extends T> iterator;
    private final Flow.Subscriber<? super T> subscriber;
    private long demand;
    private boolean emitting;
    private boolean done;

    Pull(Iterator<? extends T> iterator, Flow.Subscriber<? super T> subscriber) {
      this.iterator = iterator;
      this.subscriber = subscriber;
    }

    @Override
    public synchronized void request(long n) {
      if (done) {
        return;
      }
      if (n <= 0) {
        finish();
        subscriber.onError(new IllegalArgumentException("request must be positive: " + n));
        return;
      }
      demand = demand + n < 0 ? Long.MAX_VALUE : demand + n;
      if (emitting) {
        return;
      }
      emitting = true;
      try {
        while (demand > 0 && !done) {
          if (!iterator.hasNext()) {
            finish();
            subscriber.onComplete();
            return;
          }
          T next = iterator.next();
          demand--;
          subscriber.onNext(next);
        }
      } catch (RuntimeException e) {
        finish();
        subscriber.onError(e);
      } finally {
        emitting = false;
      }
    }

    @Override
    public synchronized void cancel() {
      if (!done) {
        finish();
      }
    }

    private void finish() {
      done = true;
      if (iterator instanceof AutoCloseable closeable) {
        try {
          closeable.close();
        } catch (Exception e) {
          LOG.log(Level.FINE, "Closing a reply's iterator failed", e);
        }
      }
    }
  }
}
