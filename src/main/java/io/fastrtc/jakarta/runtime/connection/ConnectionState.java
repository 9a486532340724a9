package io.fastrtc.jakarta.runtime.connection;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The state of one connection: new, starting (the handler's startUp is queued), started, closing
 * (the handler asked to close once its audio has played), closed. Each transition happens at most
 * once; {@link Connection} decides when.
 */
final class ConnectionState {
  private enum State {
    NEW,
    STARTING,
    STARTED,
    CLOSING,
    CLOSED
  }

  private final AtomicReference<State> state = new AtomicReference<>(State.NEW);

  /** Whether the handler runs: started and not closing. */
  boolean isStarted() {
    return state.get() == State.STARTED;
  }

  /** Whether the connection has not started closing. */
  boolean isOpen() {
    State s = state.get();
    return s == State.NEW || s == State.STARTING || s == State.STARTED;
  }

  /** New to starting; false when it already left "new" (so start is idempotent). */
  boolean beginStarting() {
    return state.compareAndSet(State.NEW, State.STARTING);
  }

  /** Starting to started; false when it is started already, or closing or closed. */
  boolean start() {
    return state.compareAndSet(State.STARTING, State.STARTED);
  }

  /** Started to closing; false unless it was started. */
  boolean beginClosing() {
    return state.compareAndSet(State.STARTED, State.CLOSING);
  }

  /** Any state to closed; false when it was closed already. */
  boolean close() {
    return state.getAndSet(State.CLOSED) != State.CLOSED;
  }
}
