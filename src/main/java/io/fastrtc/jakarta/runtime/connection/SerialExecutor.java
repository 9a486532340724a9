package io.fastrtc.jakarta.runtime.connection;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs tasks one at a time, in order, on a shared executor: the per-connection serialisation of
 * handler calls without a thread per connection.
 */
final class SerialExecutor implements Executor {
  private static final Logger LOG = Logger.getLogger(SerialExecutor.class.getName());
  private final Executor delegate;
  private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
  private final Runnable drainTask = this::drain;
  private boolean running;
  private volatile Thread worker;

  SerialExecutor(Executor delegate) {
    this.delegate = delegate;
  }

  @Override
  public void execute(Runnable task) {
    synchronized (this) {
      tasks.addLast(task);
      if (running) {
        return;
      }
      running = true;
    }
    delegate.execute(drainTask);
  }

  /** The number of tasks waiting. */
  synchronized int backlog() {
    return tasks.size();
  }

  /** Interrupts the task that is running now, if any (used when a handler hangs). */
  void interruptRunning() {
    Thread t = worker;
    if (t != null) {
      t.interrupt();
    }
  }

  private void drain() {
    worker = Thread.currentThread();
    try {
      for (int i = 0; i < 64; i++) {
        Runnable next;
        synchronized (this) {
          next = tasks.pollFirst();
          if (next == null) {
            running = false;
            return;
          }
        }
        try {
          next.run();
        } catch (RuntimeException e) {
          LOG.log(Level.WARNING, "Task failed outside a handler call", e);
        }
      }
    } finally {
      worker = null;
      Thread.interrupted();
    }
    // Yield the pool thread to other connections, then continue.
    delegate.execute(drainTask);
  }
}
