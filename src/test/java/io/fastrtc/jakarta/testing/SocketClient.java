package io.fastrtc.jakarta.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A WebSocket test client on the JDK's {@link WebSocket}: it records every text frame it receives
 * with its arrival time, and waits with timeouts (okhttp's {@code WebSocketRecorder} style).
 */
public final class SocketClient implements AutoCloseable {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  /**
   * A received text frame.
   *
   * @param nanos {@link System#nanoTime()} at arrival
   * @param text the frame
   */
  public record Frame(long nanos, String text) {}

  /**
   * How the server closed the socket.
   *
   * @param code the close code (1006 when the connection broke)
   * @param reason the reason phrase
   */
  public record Closed(int code, String reason) {}

  private final List<Frame> frames = new CopyOnWriteArrayList<>();
  private final CompletableFuture<Closed> closed = new CompletableFuture<>();
  private final WebSocket socket;
  private int cursor;

  private SocketClient(URI uri) {
    try {
      socket =
          HTTP.newWebSocketBuilder()
              .connectTimeout(Duration.ofSeconds(10))
              .buildAsync(uri, new Recorder())
              .get(15, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while connecting to " + uri, e);
    } catch (ExecutionException | TimeoutException e) {
      throw new AssertionError("could not open " + uri + ": " + e, e);
    }
  }

  /** Opens a socket, e.g. {@code ws://localhost:9181/websocket/offer}. */
  public static SocketClient connect(URI uri) {
    return new SocketClient(uri);
  }

  private final class Recorder implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        frames.add(new Frame(System.nanoTime(), partial.toString()));
        partial.setLength(0);
      }
      ws.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int code, String reason) {
      closed.complete(new Closed(code, reason));
      return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
      closed.complete(new Closed(1006, String.valueOf(error)));
    }
  }

  /** Sends a text frame and waits until it is written (the JDK allows one send at a time). */
  public synchronized void send(String text) {
    join(socket.sendText(text, true), "send");
  }

  /** Sends a binary frame. */
  public synchronized void sendBinary(byte[] bytes) {
    join(socket.sendBinary(ByteBuffer.wrap(bytes), true), "send");
  }

  /** Every frame received so far. */
  public List<Frame> frames() {
    return List.copyOf(frames);
  }

  /** The texts of the frames received so far that match. */
  public List<String> texts(Predicate<String> matching) {
    return frames.stream().map(Frame::text).filter(matching).collect(Collectors.toList());
  }

  /** Waits for the next frame after those already taken that matches, skipping the others. */
  public Frame awaitNext(Predicate<String> matching, Duration timeout) {
    Frame[] found = new Frame[1];
    Await.until(
        () -> {
          synchronized (frames) {
            while (cursor < frames.size()) {
              Frame next = frames.get(cursor++);
              if (matching.test(next.text())) {
                found[0] = next;
                return true;
              }
            }
            return false;
          }
        },
        timeout,
        () -> "no matching frame among " + summary());
    return found[0];
  }

  /** Waits until the server closes the socket. */
  public Closed awaitClosed(Duration timeout) {
    try {
      return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    } catch (ExecutionException | TimeoutException e) {
      throw new AssertionError("the socket is still open after " + timeout + "; " + summary(), e);
    }
  }

  /** Whether the server has closed the socket. */
  public boolean isClosed() {
    return closed.isDone();
  }

  /** The frames received, shortened for failure messages. */
  public String summary() {
    return frames.stream()
        .map(f -> f.text().length() > 80 ? f.text().substring(0, 80) + "..." : f.text())
        .collect(Collectors.joining(", ", frames.size() + " frames [", "]"));
  }

  /** Closes normally (or aborts when the server does not answer). */
  @Override
  public void close() {
    if (!closed.isDone()) {
      try {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);
        closed.get(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (ExecutionException | TimeoutException | RuntimeException e) {
        // The server is gone or slow: abort below.
      }
    }
    socket.abort();
  }

  private static void join(CompletableFuture<?> future, String what) {
    try {
      future.get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    } catch (ExecutionException | TimeoutException e) {
      throw new AssertionError(what + " failed: " + e, e);
    }
  }
}
