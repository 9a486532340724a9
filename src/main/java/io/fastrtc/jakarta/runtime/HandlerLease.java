package io.fastrtc.jakarta.runtime;

import io.fastrtc.jakarta.api.StreamHandler;

/**
 * A handler instance obtained for one connection, with the action that destroys it (CDI's {@code
 * Instance.Handle.destroy()}, which runs {@code @PreDestroy}).
 *
 * @param handler the instance
 * @param destroyer releases the instance
 */
public record HandlerLease(StreamHandler handler, Runnable destroyer) {

  /** Destroys the instance. */
  public void destroy() {
    destroyer.run();
  }
}
