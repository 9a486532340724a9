package io.fastrtc.jakarta.runtime.connection;

import io.fastrtc.jakarta.runtime.wire.ChannelMessages;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * One connection's watch for two faults, checked periodically on the shared scheduler once the
 * handler has started: a handler call that does not return within the hang timeout, and a client
 * that sends no media for the idle timeout although its stream's mode has it send. Either closes
 * the connection through the one close path, after telling the client with the contract's error
 * message; the close frees the concurrency slot at once, and the handler's {@code shutdown()} runs
 * when the hung call returns (it is interrupted {@link ConnectionTimers#HANG_GRACE} after the
 * close).
 */
final class FaultWatch {
  private static final Logger LOG = Logger.getLogger(FaultWatch.class.getName());

  /** The longest time between two checks. */
  private static final Duration MAX_PERIOD = Duration.ofSeconds(1);

  /** The shortest time between two checks. */
  private static final Duration MIN_PERIOD = Duration.ofMillis(100);

  private final String id;
  private final String stream;
  private final HandlerLane lane;
  private final LaneHost host;
  private final RuntimeMetrics metrics;
  private final long hangNanos;
  private final long idleNanos;
  private volatile long lastMediaNanos = System.nanoTime();
  private long lastMark; // the scheduler's thread only
  private long lastMarkNanos = System.nanoTime();

  /**
   * @param clientSends whether the stream's mode has the client send media (the idle timeout
   *     applies only then)
   */
  FaultWatch(
      String id,
      String stream,
      boolean clientSends,
      HandlerLane lane,
      LaneHost host,
      RuntimeServices services) {
    this.id = id;
    this.stream = stream;
    this.lane = lane;
    this.host = host;
    this.metrics = services.metrics();
    this.hangNanos = services.hangTimeout().toNanos();
    this.idleNanos = clientSends ? services.idleTimeout().toNanos() : 0;
  }

  /** Media (audio or video) arrived from the client, on a media thread. */
  void mediaArrived() {
    lastMediaNanos = System.nanoTime();
  }

  /** Starts the periodic check (the handler has started); the idle time counts from now. */
  void start(ConnectionTimers timers) {
    if (hangNanos == 0 && idleNanos == 0) {
      return;
    }
    lastMediaNanos = System.nanoTime();
    lastMarkNanos = lastMediaNanos;
    timers.startWatch(period(), this::check);
  }

  /** A quarter of the shorter timeout, between 100 ms and 1 s. */
  Duration period() {
    long shortest = Long.MAX_VALUE;
    if (hangNanos > 0) {
      shortest = hangNanos;
    }
    if (idleNanos > 0) {
      shortest = Math.min(shortest, idleNanos);
    }
    long quarter = shortest / 4;
    return Duration.ofNanos(
        Math.max(MIN_PERIOD.toNanos(), Math.min(MAX_PERIOD.toNanos(), quarter)));
  }

  /** One check: closes the connection when a handler call hangs or the client sends nothing. */
  void check() {
    if (!lane.isStarted()) {
      return;
    }
    long now = System.nanoTime();
    long busy = lane.busyNanos(now);
    if (hangNanos > 0 && busy >= hangNanos) {
      metrics.handlerError();
      String message = "handler did not return within " + seconds(hangNanos) + " s";
      LOG.warning(
          () ->
              "Handler of stream "
                  + stream
                  + " hung on connection "
                  + id
                  + ": a call has run for "
                  + busy / 1_000_000
                  + " ms; closing the connection (its thread is interrupted "
                  + ConnectionTimers.HANG_GRACE.toSeconds()
                  + " s later)");
      host.sendText(ChannelMessages.error(message));
      host.close(EndReason.HANDLER_HUNG);
    } else if (idleNanos > 0 && idleFor(now) >= idleNanos) {
      String message = "no media received for " + seconds(idleNanos) + " s";
      LOG.info(() -> "Connection " + id + " of stream " + stream + ": " + message + "; closing");
      host.sendText(ChannelMessages.error(message));
      host.close(EndReason.NO_MEDIA);
    }
  }

  /** How long no media has arrived: by the transport's mark where it has one, else by frames. */
  private long idleFor(long now) {
    Transport t = host.transport();
    long mark = t == null ? Transport.NO_MARK : t.mediaMark();
    if (mark == Transport.NO_MARK) {
      return now - lastMediaNanos;
    }
    if (mark > lastMark) {
      lastMark = mark;
      lastMarkNanos = now;
    }
    return now - lastMarkNanos;
  }

  private static String seconds(long nanos) {
    double s = nanos / 1e9;
    return s == Math.rint(s) ? Long.toString((long) s) : Double.toString(s);
  }
}
