package io.fastrtc.jakarta.runtime.connection;

import io.fastrtc.jakarta.api.AudioVideoStreamHandler;
import io.fastrtc.jakarta.api.HandlerLifecycle;
import io.fastrtc.jakarta.api.VideoFrame;
import io.fastrtc.jakarta.api.VideoGenerator;
import io.fastrtc.jakarta.api.VideoHandler;
import io.fastrtc.jakarta.api.VideoResult;
import io.fastrtc.jakarta.runtime.stream.StreamDefinition;
import java.time.Duration;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;

/**
 * The video side of one {@link Connection}. Incoming frames go to the handler on the connection's
 * {@link HandlerLane}: each in turn, skipping any that waited longer than {@link #MAX_WAIT} (so lag
 * stays near a second, where FastRTC's queue grows without bound), or with skip-frames only the
 * newest. Generated video (receive mode, audio-video) is paced by one task on the shared scheduler
 * at the stream's fps; a tick that finds the previous frame still being made is skipped, never
 * queued.
 */
final class VideoLane {
  private static final Logger LOG = Logger.getLogger(VideoLane.class.getName());

  /** How long an input frame may wait for a slow handler before it is dropped unseen. */
  static final Duration MAX_WAIT = Duration.ofSeconds(1);

  /** Input frames allowed to wait at all (two seconds at 30 fps), to bound memory. */
  static final int MAX_BACKLOG = 60;

  private final HandlerLane lane;
  private final String connectionId;
  private final StreamDefinition definition;
  private final HandlerLifecycle handler;
  private final RuntimeServices services;
  private final StreamMeter meter;
  private final HandlerLane.HandlerFunction<VideoResult> next;
  private final AtomicReference<Input> newest = new AtomicReference<>();
  private final AtomicBoolean newestScheduled = new AtomicBoolean();
  private final AtomicInteger backlog = new AtomicInteger();
  private final AtomicBoolean generating = new AtomicBoolean();
  private final AtomicBoolean backlogWarned = new AtomicBoolean();
  private volatile Future<?> pacing;
  private volatile boolean stopped;

  private record Input(VideoFrame frame, long receivedNanos) {}

  VideoLane(
      HandlerLane lane,
      String connectionId,
      StreamDefinition definition,
      HandlerLifecycle handler,
      RuntimeServices services,
      StreamMeter meter) {
    this.lane = lane;
    this.connectionId = connectionId;
    this.definition = definition;
    this.handler = handler;
    this.services = services;
    this.meter = meter;
    this.next =
        handler instanceof AudioVideoStreamHandler av
            ? av::videoEmit
            : handler instanceof VideoGenerator g ? g::next : null;
  }

  /** Starts pacing generated frames, if this stream generates video. */
  void start() {
    if (definition.sendsVideo() && next != null && !stopped) {
      long period = TimeUnit.SECONDS.toMicros(1) / definition.fps();
      pacing =
          services
              .scheduler()
              .scheduleAtFixedRate(this::tick, period, period, TimeUnit.MICROSECONDS);
      if (stopped) {
        pacing.cancel(false);
      }
    }
  }

  /** A frame from the client (media thread): queue it, or keep it as the newest. */
  void offer(VideoFrame frame, long receivedNanos) {
    if (stopped || !definition.receivesVideo()) {
      return;
    }
    meter.videoFrameIn();
    if (definition.skipFrames()) {
      if (newest.getAndSet(new Input(frame, receivedNanos)) != null) {
        services.metrics().videoFrameSkipped();
      }
      if (newestScheduled.compareAndSet(false, true)) {
        lane.execute(this::processNewest);
      }
      return;
    }
    if (backlog.incrementAndGet() > MAX_BACKLOG) {
      backlog.decrementAndGet();
      dropped();
      return;
    }
    lane.execute(
        () -> {
          backlog.decrementAndGet();
          if (System.nanoTime() - receivedNanos > MAX_WAIT.toNanos()) {
            dropped();
          } else {
            process(new Input(frame, receivedNanos));
          }
        });
  }

  private void dropped() {
    services.metrics().videoFrameDropped();
    if (backlogWarned.compareAndSet(false, true)) {
      LOG.warning(
          () ->
              "Video handler of stream "
                  + definition.name()
                  + " is more than "
                  + MAX_WAIT.toMillis()
                  + " ms behind on connection "
                  + connectionId
                  + "; dropping input frames (set skipFrames = true to process only the newest)");
    }
  }

  private void processNewest() {
    newestScheduled.set(false); // a frame arriving from now on schedules the next run
    Input input = newest.getAndSet(null);
    if (input != null) {
      process(input);
    }
  }

  private void process(Input input) {
    if (!lane.isStarted()) {
      return;
    }
    if (handler instanceof AudioVideoStreamHandler av) {
      lane.run(() -> av.videoReceive(input.frame()));
    } else if (handler instanceof VideoHandler video) {
      lane.deliver(lane.call(() -> video.process(input.frame())), input.receivedNanos());
    }
  }

  /** One pacing tick (scheduler thread): ask for the next frame unless one is being made. */
  private void tick() {
    if (stopped || !lane.isStarted()) {
      return;
    }
    if (!generating.compareAndSet(false, true)) {
      services.metrics().videoTickSkipped();
      return;
    }
    lane.execute(
        () -> {
          try {
            generate();
          } finally {
            generating.set(false);
          }
        });
  }

  private void generate() {
    if (!lane.isStarted()) {
      return;
    }
    lane.deliver(lane.call(next), 0);
  }

  /** Stops pacing and forgets waiting frames; part of the connection's close. */
  void stop() {
    stopped = true;
    Future<?> p = pacing;
    if (p != null) {
      p.cancel(false);
    }
    newest.set(null);
  }
}
