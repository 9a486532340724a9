package io.fastrtc.jakarta.runtime.connection;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
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

  /** {@link System#nanoTime()} when the running task began, or 0 while none runs. */
  private volatile long taskStartNanos;

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
    dispatch();
  }

  /**
   * Hands the lane to the shared executor; when that refuses (the server is stopping and has shut
   * its executor down before the application's end), runs the queued tasks here instead, so that
   * the close path and every handler's {@code shutdown()} still run.
   */
  private void dispatch() {
    try {
      delegate.execute(drainTask);
    } catch (RejectedExecutionException e) {
      LOG.fine(() -> "Executor refused the lane (" + e + "); running it on the caller");
      drain(Integer.MAX_VALUE);
    }
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

  /**
   * How long the task running now has been running, or 0 when none runs (what the hang watch of a
   * connection reads).
   */
  long busyNanos(long nowNanos) {
    long start = taskStartNanos;
    return start == 0 ? 0 : Math.max(1, nowNanos - start);
  }

  private void drain() {
    drain(64);
  }

  private void drain(int maxTasks) {
    worker = Thread.currentThread();
    try {
      for (int i = 0; i < maxTasks; i++) {
        Runnable next;
        synchronized (this) {
          next = tasks.pollFirst();
          if (next == null) {
            running = false;
            return;
          }
        }
        taskStartNanos = System.nanoTime();
        try {
          next.run();
        } catch (RuntimeException e) {
          LOG.log(Level.WARNING, "Task failed outside a handler call", e);
        } finally {
          taskStartNanos = 0;
        }
      }
    } finally {
      worker = null;
      Thread.interrupted();
    }
    // Yield the pool thread to other connections, then continue.
    dispatch();
  }
}
