package io.fastrtc.jakarta.testing;

import jakarta.websocket.CloseReason;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A recording {@link Session} for transport unit tests: it records every text frame the server
 * sends (through the async or basic remote) and the close reason, and can hold send completions
 * back to imitate a client that stops reading. Waits poll with a timeout, like okhttp's {@code
 * WebSocketRecorder}.
 */
public final class FakeSocket {
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  /** Every text frame sent, in order. */
  public final List<String> sent = new CopyOnWriteArrayList<>();

  private final List<SendHandler> held = new ArrayList<>();
  private volatile boolean holding;
  private volatile CloseReason closeReason;
  private volatile int maxTextMessageSize;
  private int cursor;

  /** The session the code under test uses. */
  public final Session session;

  /** The session's user properties (where a container may put the client's address). */
  public final java.util.Map<String, Object> userProperties =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** Creates an open socket. */
  public FakeSocket() {
    RemoteEndpoint.Async async =
        proxy(
            RemoteEndpoint.Async.class,
            (method, args) -> {
              if (method.equals("sendText") && args.length == 2) {
                sent.add((String) args[0]);
                complete((SendHandler) args[1]);
              }
              return null;
            });
    RemoteEndpoint.Basic basic =
        proxy(
            RemoteEndpoint.Basic.class,
            (method, args) -> {
              if (method.equals("sendText") && args.length == 1) {
                sent.add((String) args[0]);
              }
              return null;
            });
    session =
        proxy(
            Session.class,
            (method, args) ->
                switch (method) {
                  case "getAsyncRemote" -> async;
                  case "getBasicRemote" -> basic;
                  case "isOpen" -> closeReason == null;
                  case "close" -> {
                    if (closeReason == null) {
                      closeReason =
                          args == null || args.length == 0
                              ? new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, "")
                              : (CloseReason) args[0];
                    }
                    yield null;
                  }
                  case "setMaxTextMessageBufferSize" -> {
                    maxTextMessageSize = (Integer) args[0];
                    yield null;
                  }
                  case "getId" -> "fake";
                  case "getUserProperties" -> userProperties;
                  case "toString" -> "FakeSocket";
                  case "hashCode" -> System.identityHashCode(this);
                  case "equals" -> args[0] == self();
                  default ->
                      throw new UnsupportedOperationException("FakeSocket does not do " + method);
                });
  }

  private Session self() {
    return session;
  }

  private synchronized void complete(SendHandler handler) {
    if (holding) {
      held.add(handler);
    } else {
      handler.onResult(new SendResult());
    }
  }

  /** From now on, sends stay incomplete until {@link #release()}. */
  public void hold() {
    holding = true;
  }

  /** Completes the held sends, in order, and stops holding. */
  public void release() {
    List<SendHandler> pending;
    synchronized (this) {
      holding = false;
      pending = new ArrayList<>(held);
      held.clear();
    }
    pending.forEach(h -> h.onResult(new SendResult()));
  }

  /** The limit the server set on incoming text frames. */
  public int maxTextMessageSize() {
    return maxTextMessageSize;
  }

  /** The close reason, or null while open. */
  public CloseReason closeReason() {
    return closeReason;
  }

  /** Waits until the server closes the socket and returns why. */
  public CloseReason awaitClosed() {
    Await.until(() -> closeReason != null, TIMEOUT, () -> "socket still open; sent " + sent);
    return closeReason;
  }

  /** Waits for the next frame, after those already taken, that matches; skips the others. */
  public String awaitNext(Predicate<String> matching) {
    String[] found = new String[1];
    Await.until(
        () -> {
          synchronized (this) {
            while (cursor < sent.size()) {
              String next = sent.get(cursor++);
              if (matching.test(next)) {
                found[0] = next;
                return true;
              }
            }
            return false;
          }
        },
        TIMEOUT,
        () -> "no matching frame; sent " + sent);
    return found[0];
  }

  /** The frames sent that match. */
  public List<String> matching(Predicate<String> filter) {
    return sent.stream().filter(filter).collect(Collectors.toList());
  }

  @FunctionalInterface
  private interface Body {
    Object call(String method, Object[] args);
  }

  private static <T> T proxy(Class<T> type, Body body) {
    return type.cast(
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (p, method, args) -> body.call(method.getName(), args)));
  }
}
