package io.fastrtc.jakarta.testkit;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One thread that makes every handler call, one at a time, as the runtime's per-connection lane
 * does; a caller waits for its call up to a timeout and sees a handler's exception as an {@link
 * AssertionError}.
 */
final class HandlerLane implements AutoCloseable {
  private final ExecutorService thread =
      Executors.newSingleThreadExecutor(
          task -> {
            Thread t = new Thread(task, "testkit-handler-lane");
            t.setDaemon(true);
            return t;
          });

  /** A handler call. */
  @FunctionalInterface
  interface Call<T> {
    T call() throws Exception;
  }

  /**
   * Runs {@code call} on the lane and waits for it.
   *
   * @param what the call, for messages, e.g. {@code "EchoHandler.receive"}
   * @throws AssertionError when the handler throws or does not return within {@code timeout}
   */
  <T> T call(String what, Duration timeout, Call<T> call) {
    Future<T> result = thread.submit(call::call);
    try {
      return result.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      throw new AssertionError(what + " threw " + e.getCause(), e.getCause());
    } catch (TimeoutException e) {
      result.cancel(true);
      throw new AssertionError(what + " did not return within " + timeout, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for " + what, e);
    }
  }

  @Override
  public void close() {
    thread.shutdownNow();
  }
}
