package io.fastrtc.jakarta.runtime.connection;

import io.fastrtc.jakarta.runtime.audio.Resampler;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The shared services every connection uses: where handler calls run, the timer for watchdogs,
 * resamplers and metrics, and the two fault watches' limits. Managed executors in the server; plain
 * ones in unit tests.
 *
 * @param executor runs handler calls (serialised per connection)
 * @param scheduler runs watchdogs and delayed closes
 * @param resamplers creates sample-rate converters
 * @param metrics runtime counters
 * @param hangTimeout how long one handler call may run before the connection is closed as hung
 *     ({@link EndReason#HANDLER_HUNG}); zero for no limit
 * @param idleTimeout how long a started connection whose client should send media may receive none
 *     before it is closed ({@link EndReason#NO_MEDIA}); zero for no limit
 */
public record RuntimeServices(
    Executor executor,
    ScheduledExecutorService scheduler,
    Resampler.Factory resamplers,
    RuntimeMetrics metrics,
    Duration hangTimeout,
    Duration idleTimeout) {

  /** The default hang timeout ({@code fastrtc.handler.hang-timeout}). */
  public static final Duration DEFAULT_HANG_TIMEOUT = Duration.ofSeconds(30);

  /** The default idle timeout ({@code fastrtc.connection.idle-timeout}). */
  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);

  /** Checks the timeouts. */
  public RuntimeServices {
    Objects.requireNonNull(hangTimeout, "hangTimeout == null");
    Objects.requireNonNull(idleTimeout, "idleTimeout == null");
    if (hangTimeout.isNegative() || idleTimeout.isNegative()) {
      throw new IllegalArgumentException("timeouts must not be negative");
    }
  }

  /** Services with the default hang and idle timeouts. */
  public RuntimeServices(
      Executor executor,
      ScheduledExecutorService scheduler,
      Resampler.Factory resamplers,
      RuntimeMetrics metrics) {
    this(executor, scheduler, resamplers, metrics, DEFAULT_HANG_TIMEOUT, DEFAULT_IDLE_TIMEOUT);
  }
}
