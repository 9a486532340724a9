package io.fastrtc.jakarta.runtime.connection;

import io.fastrtc.jakarta.api.OutputEvent;
import io.fastrtc.jakarta.api.OutputSubscriber;
import io.fastrtc.jakarta.api.OutputSubscription;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One connection's additional outputs: a bounded ring of the newest outputs, numbered 1, 2, 3...,
 * fanned out to any number of subscribers, each in order and at its own pace.
 *
 * <p><b>Overflow policy: drop oldest.</b> The ring keeps the newest {@code capacity} outputs. The
 * handler never waits: publishing into a full ring evicts the oldest output and counts it. A
 * subscriber that had not yet received an evicted output is told how many it missed ({@link
 * OutputSubscriber#onMissed(long)}) and continues with the oldest output still kept, so a slow
 * subscriber loses the middle of the stream but always catches up with the newest values. A new
 * subscriber first receives what the ring still holds (so outputs emitted before a client opened
 * its output stream are not lost), then live outputs.
 *
 * <p>Deliveries run on the executor, serialised per subscriber; a subscriber that blocks delays
 * only itself. {@link #close()} lets each subscriber drain what it has not received, then ends it.
 */
final class OutputBuffer {
  private static final Logger LOG = Logger.getLogger(OutputBuffer.class.getName());

  /** Outputs kept per connection. */
  static final int DEFAULT_CAPACITY = 256;

  private final int capacity;
  private final Executor executor;
  private final OutputEvent[] ring;
  private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
  private long nextSequence = 1;
  private long dropped;
  private boolean ended;

  /**
   * @param capacity how many outputs to keep, at least 1
   * @param executor runs deliveries
   */
  OutputBuffer(int capacity, Executor executor) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
    }
    this.capacity = capacity;
    this.executor = executor;
    this.ring = new OutputEvent[capacity];
  }

  /**
   * Loads the classes closing a buffer needs, while the application's archive can still be read: an
   * undeploy may delete the WAR before the connections close (found by the undeploy drill).
   */
  static List<Class<?>> closePathClasses() {
    return List.of(Subscriber.class);
  }

  /** Appends an output (evicting the oldest when full) and wakes every subscriber. */
  void publish(List<Object> values) {
    synchronized (this) {
      if (ended) {
        return;
      }
      if (nextSequence > capacity) {
        dropped++;
      }
      OutputEvent event = new OutputEvent(nextSequence, values);
      ring[index(nextSequence)] = event;
      nextSequence++;
    }
    subscribers.forEach(Subscriber::signal);
  }

  /**
   * Adds a subscriber; it first gets the kept outputs numbered after {@code afterSequence}.
   *
   * @param afterSequence 0 for everything kept, or the last sequence already seen (SSE's {@code
   *     Last-Event-ID})
   */
  OutputSubscription subscribe(long afterSequence, OutputSubscriber subscriber) {
    Subscriber s = new Subscriber(subscriber, Math.max(1, afterSequence + 1));
    subscribers.add(s);
    s.signal();
    return s;
  }

  /** Ends the stream: subscribers receive what they have not yet received, then end. */
  void close() {
    synchronized (this) {
      ended = true;
    }
    subscribers.forEach(Subscriber::signal);
  }

  /** How many outputs were evicted because the ring was full. */
  synchronized long dropped() {
    return dropped;
  }

  /** The sequence number the next output will get. */
  synchronized long nextSequence() {
    return nextSequence;
  }

  /** The number of live subscribers. */
  int subscriberCount() {
    return subscribers.size();
  }

  /** The ring capacity. */
  int capacity() {
    return capacity;
  }

  private int index(long sequence) {
    return (int) ((sequence - 1) % capacity);
  }

  /** One subscriber's cursor and its serialised delivery loop. */
  private final class Subscriber implements OutputSubscription {
    private final OutputSubscriber target;
    private final AtomicInteger work = new AtomicInteger();
    private final AtomicBoolean finished = new AtomicBoolean();
    private volatile boolean cancelled;
    private long cursor; // touched only inside drain(), which never runs twice at once

    Subscriber(OutputSubscriber target, long firstWanted) {
      this.target = target;
      this.cursor = firstWanted;
    }

    void signal() {
      if (work.getAndIncrement() == 0) {
        executor.execute(this::drain);
      }
    }

    private void drain() {
      int missed = 1;
      while (true) {
        if (!deliverAvailable()) {
          finish();
          return;
        }
        missed = work.addAndGet(-missed);
        if (missed == 0) {
          return;
        }
      }
    }

    /** Delivers everything available; false when this subscription is over. */
    private boolean deliverAvailable() {
      while (!cancelled) {
        OutputEvent next = null;
        long skipped = 0;
        boolean end;
        synchronized (OutputBuffer.this) {
          long oldest = Math.max(1, nextSequence - capacity);
          if (cursor < oldest) {
            skipped = oldest - cursor;
            cursor = oldest;
          }
          if (cursor < nextSequence) {
            next = ring[index(cursor)];
          }
          end = next == null && ended;
        }
        try {
          if (skipped > 0) {
            target.onMissed(skipped);
          }
          if (next != null) {
            target.onOutput(next);
            cursor++;
          }
        } catch (Exception | LinkageError e) {
          LOG.log(Level.FINE, "Output subscriber failed; ending its subscription", e);
          return false;
        }
        if (end) {
          return false;
        }
        if (next == null) {
          return true;
        }
      }
      return false;
    }

    private void finish() {
      if (finished.compareAndSet(false, true)) {
        subscribers.remove(this);
        try {
          target.onEnd();
        } catch (RuntimeException e) {
          LOG.log(Level.FINE, "Output subscriber's onEnd failed", e);
        }
      }
    }

    @Override
    public void close() {
      cancelled = true;
      signal();
    }
  }
}
