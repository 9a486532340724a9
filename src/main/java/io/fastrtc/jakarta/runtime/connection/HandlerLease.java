package io.fastrtc.jakarta.runtime.connection;

import io.fastrtc.jakarta.api.HandlerLifecycle;

/**
 * A handler instance obtained for one connection, with the action that destroys it (CDI's {@code
 * Instance.Handle.destroy()}, which runs {@code @PreDestroy}).
 *
 * @param handler the instance: a {@code StreamHandler}, {@code VideoHandler}, {@code
 *     VideoGenerator} or {@code AudioVideoStreamHandler}, as its stream's definition requires
 * @param destroyer releases the instance
 */
public record HandlerLease(HandlerLifecycle handler, Runnable destroyer) {

  /** Destroys the instance. */
  void destroy() {
    destroyer.run();
  }
}
