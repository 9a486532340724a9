package io.fastrtc.jakarta.runtime.socket;

import jakarta.websocket.CloseReason;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends text frames on one WebSocket in order without ever blocking the caller: frames wait in a
 * bounded queue and go out one at a time through the asynchronous remote, because the shared audio
 * clock calls in and must not stall behind a slow client. A client that stops reading fails the
 * connection instead of growing memory, as soon as one of three bounds is passed: {@link
 * #MAX_QUEUED} frames or {@link #MAX_QUEUED_CHARS} characters waiting, or a frame offered while the
 * one in flight has not left for {@link #STALL_TIMEOUT} (the container completes an asynchronous
 * send only once the operating system took all of it, so a full TCP window holds it). {@link
 * #close} lets queued frames (a final error, say) leave first, with a deadline.
 */
final class SocketSender {
  private static final Logger LOG = Logger.getLogger(SocketSender.class.getName());

  /** Frames that may wait: about five seconds of audio messages plus control messages. */
  static final int MAX_QUEUED = 256;

  /** Characters that may wait (about 2 MB of heap): the bound for few but large messages. */
  static final int MAX_QUEUED_CHARS = 1 << 20;

  /**
   * How long the frame in flight may take to leave before a client with more frames coming counts
   * as not reading. A client whose TCP window stays closed is failed this long after the server's
   * socket buffer filled, at the next frame offered.
   */
  static final Duration STALL_TIMEOUT = Duration.ofSeconds(5);

  /** How long queued frames may take to leave once the socket is asked to close. */
  static final Duration CLOSE_GRACE = Duration.ofSeconds(2);

  private final Session socket;
  private final Executor executor;
  private final ScheduledExecutorService scheduler;
  private final Consumer<String> onFailure;
  private final LongSupplier nanoClock;
  private final ArrayDeque<String> queue = new ArrayDeque<>();
  private long queuedChars;
  private boolean sending;
  private long inFlightSinceNanos;
  private boolean failed;
  private CloseReason closing;
  private boolean closed;
  private Future<?> closeDeadline;

  /**
   * @param socket the WebSocket
   * @param executor runs {@code onFailure}, off the caller's locks
   * @param scheduler enforces the close deadline
   * @param onFailure told once why sending failed (write error, or the client stopped reading)
   */
  SocketSender(
      Session socket,
      Executor executor,
      ScheduledExecutorService scheduler,
      Consumer<String> onFailure) {
    this(socket, executor, scheduler, onFailure, System::nanoTime);
  }

  /** As above, with the clock that times the frame in flight (tests). */
  SocketSender(
      Session socket,
      Executor executor,
      ScheduledExecutorService scheduler,
      Consumer<String> onFailure,
      LongSupplier nanoClock) {
    this.socket = socket;
    this.executor = executor;
    this.scheduler = scheduler;
    this.onFailure = onFailure;
    this.nanoClock = nanoClock;
  }

  /** Queues a frame; false when the sender is closing, has failed, or a bound was passed. */
  boolean send(String text) {
    synchronized (this) {
      if (closing != null || failed) {
        return false;
      }
      String stalled = stalledLocked(text.length());
      if (stalled != null) {
        failLocked("the client is not reading: " + stalled);
        return false;
      }
      queue.addLast(text);
      queuedChars += text.length();
      if (sending) {
        return true;
      }
      sending = true;
      inFlightSinceNanos = nanoClock.getAsLong(); // the pump is about to send
    }
    pump();
    return true;
  }

  /** Why one more frame of {@code length} characters is one too many, or null. */
  private String stalledLocked(int length) {
    if (queue.size() >= MAX_QUEUED) {
      return MAX_QUEUED + " messages are waiting";
    }
    if (queuedChars + length > MAX_QUEUED_CHARS) {
      return (queuedChars + length) + " characters would be waiting";
    }
    long inFlight = nanoClock.getAsLong() - inFlightSinceNanos;
    if (sending && inFlight > STALL_TIMEOUT.toNanos()) {
      return "a message has not left in " + (inFlight / 1_000_000) + " ms";
    }
    return null;
  }

  /** Frames waiting to be sent. */
  synchronized int queued() {
    return queue.size();
  }

  /**
   * Closes the socket once the queued frames are sent, or after {@link #CLOSE_GRACE}. Idempotent;
   * the first reason wins.
   */
  void close(CloseReason reason) {
    boolean now;
    boolean stuck;
    synchronized (this) {
      if (closing != null) {
        return;
      }
      closing = reason;
      now = !sending || failed;
      // A frame still in the container: the container's close waits behind it (about 5 s seen on
      // Liberty), so it must not hold up the caller, which is the connection's close path.
      stuck = failed && sending;
      if (!now) {
        closeDeadline =
            scheduler.schedule(this::closeSocket, CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS);
      }
    }
    if (stuck) {
      try {
        executor.execute(this::closeSocket);
        return;
      } catch (RejectedExecutionException e) {
        // the server is stopping: close here
      }
    }
    if (now) {
      closeSocket();
    }
  }

  /**
   * Sends queued frames one after another. A completion that arrives inside {@code sendText} (on
   * this thread) lets the loop continue; one that arrives later resumes the loop itself.
   */
  private void pump() {
    while (true) {
      String next;
      synchronized (this) {
        next = failed ? null : queue.pollFirst();
        if (next != null) {
          queuedChars -= next.length();
          inFlightSinceNanos = nanoClock.getAsLong();
        }
        if (next == null) {
          sending = false;
          if (closing == null) {
            return;
          }
        }
      }
      if (next == null) {
        closeSocket();
        return;
      }
      Completion completion = new Completion();
      try {
        socket.getAsyncRemote().sendText(next, completion);
      } catch (RuntimeException e) {
        completion.onResult(new SendResult(e));
      }
      if (!completion.continueHere()) {
        return;
      }
    }
  }

  private final class Completion implements SendHandler {
    private boolean done;
    private boolean resumeElsewhere;

    @Override
    public void onResult(SendResult result) {
      boolean resume;
      synchronized (this) {
        done = true;
        resume = resumeElsewhere;
      }
      if (!result.isOK()) {
        Throwable e = result.getException();
        synchronized (SocketSender.this) {
          failLocked("sending failed: " + (e == null ? "unknown error" : e));
        }
        LOG.log(Level.FINE, "WebSocket send failed", e);
      }
      if (resume) {
        pump();
      }
    }

    /** True when the send already completed, so the caller's loop continues. */
    synchronized boolean continueHere() {
      if (done) {
        return true;
      }
      resumeElsewhere = true;
      return false;
    }
  }

  private void failLocked(String why) {
    if (failed) {
      return;
    }
    failed = true;
    queue.clear();
    queuedChars = 0;
    executor.execute(() -> onFailure.accept(why));
  }

  private void closeSocket() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      queue.clear();
      queuedChars = 0;
      if (closeDeadline != null) {
        closeDeadline.cancel(false);
      }
    }
    try {
      if (socket.isOpen()) {
        socket.close(closing);
      }
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.FINE, "Closing a WebSocket failed", e);
    }
  }
}
