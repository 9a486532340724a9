package io.fastrtc.jakarta.runtime.connection;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

/**
 * One connection's additional inputs: the current value, a version that counts its changes, and the
 * wait for the next change that FastRTC's {@code wait_for_args} is.
 */
final class ConnectionInputs {
  private final Object lock = new Object();
  private volatile Object value;
  private long version; // guarded by lock

  /**
   * @param initial the stream's defaults: a record of its inputs type, or a map when untyped
   */
  ConnectionInputs(Object initial) {
    this.value = initial;
  }

  /** The current value. */
  Object value() {
    return value;
  }

  /**
   * Replaces the value atomically: {@code update} maps the current value to the new one, or throws
   * to keep it. Wakes every waiter.
   *
   * @return the new value
   */
  Object update(UnaryOperator<Object> update) {
    synchronized (lock) {
      Object next = update.apply(value);
      value = next;
      version++;
      lock.notifyAll();
      return next;
    }
  }

  /**
   * Runs {@code ask} (which sends {@code send_input}), then waits until the value changes, the
   * timeout passes or {@code open} turns false. {@code ask} runs under the lock, so an answer that
   * arrives at once is not missed.
   *
   * @return whether the value changed
   */
  boolean await(Duration timeout, Runnable ask, BooleanSupplier open) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (lock) {
      long seen = version;
      ask.run();
      while (version == seen && open.getAsBoolean()) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(lock, left);
      }
      return version != seen;
    }
  }

  /** Wakes every waiter so it sees that the connection closed. */
  void wakeAll() {
    synchronized (lock) {
      lock.notifyAll();
    }
  }
}
