package io.fastrtc.jakarta.runtime.connection;

import io.fastrtc.jakarta.api.AudioFrame;
import io.fastrtc.jakarta.api.Emission;
import io.fastrtc.jakarta.api.StreamHandler;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * The audio side of one {@link Connection}, on its {@link HandlerLane}: input frames go to the
 * handler's {@code receive} in order (bounded to 5 s of backlog), and its {@code emit} is drained
 * after each input, after {@code startUp}, and when the outgoing buffer runs low.
 */
final class AudioLane {
  private static final Logger LOG = Logger.getLogger(AudioLane.class.getName());

  /** Input frames allowed to wait for a slow handler (5 s of 20 ms frames) before dropping. */
  static final int MAX_INPUT_BACKLOG = 250;

  /** How far ahead a top-up fills the outgoing audio buffer. */
  static final long TOP_UP_MS = 120;

  /** How far ahead the drain after an input frame may fill it. */
  private static final long AFTER_INPUT_MS = 10_000;

  /** The most emissions one drain asks for, so one handler cannot hold the lane for ever. */
  private static final int MAX_EMITS_PER_DRAIN = 200;

  private final HandlerLane lane;
  private final String connectionId;
  private final String streamName;
  private final StreamHandler handler;
  private final HandlerLane.HandlerFunction<Emission> emit;
  private final AudioOutput audio;
  private final RuntimeMetrics metrics;
  private final Runnable topUp = this::topUp;
  private final Runnable nextInput = this::handleNextInput;
  private final AtomicBoolean backlogWarned = new AtomicBoolean();
  private final AtomicBoolean topUpPending = new AtomicBoolean();

  // The input frames waiting for the lane, a ring guarded by itself: one lane task per frame, but
  // no allocation per frame (the frame itself is the handler's to keep).
  private final Object inputLock = new Object();
  private final AudioFrame[] inputFrames = new AudioFrame[MAX_INPUT_BACKLOG];
  private final long[] inputNanos = new long[MAX_INPUT_BACKLOG];
  private int inputHead;
  private int inputCount;

  private AudioFrame current; // the lane only: the frame receiveCurrent hands over
  private final HandlerLane.HandlerCall receiveCurrent;

  /** An input frame arrived since the clock last asked for a top-up (its own drain follows it). */
  private volatile boolean inputSinceTopUp;

  /**
   * @param audio the outgoing audio, or null when the stream sends none
   */
  AudioLane(
      HandlerLane lane,
      String connectionId,
      String streamName,
      StreamHandler handler,
      AudioOutput audio,
      RuntimeMetrics metrics) {
    this.lane = lane;
    this.connectionId = connectionId;
    this.streamName = streamName;
    this.handler = handler;
    this.emit = handler::emit;
    this.receiveCurrent = () -> handler.receive(current);
    this.audio = audio;
    this.metrics = metrics;
  }

  /**
   * Queues one input frame for the audio handler, never blocking: dropped (and counted) when the
   * handler has fallen 5 s behind. What the handler emits then is drained.
   */
  void receive(AudioFrame frame, long receivedNanos) {
    metrics.frameIn();
    inputSinceTopUp = true;
    synchronized (inputLock) {
      if (inputCount < MAX_INPUT_BACKLOG) {
        int tail = (inputHead + inputCount) % MAX_INPUT_BACKLOG;
        inputFrames[tail] = frame;
        inputNanos[tail] = receivedNanos;
        inputCount++;
        frame = null;
      }
    }
    if (frame != null) {
      metrics.inputDropped();
      if (backlogWarned.compareAndSet(false, true)) {
        LOG.warning(
            () ->
                "Handler of stream "
                    + streamName
                    + " is more than 5 s behind on connection "
                    + connectionId
                    + "; dropping input audio");
      }
      return;
    }
    lane.execute(nextInput);
  }

  /** One lane task per queued input frame, in arrival order. */
  private void handleNextInput() {
    AudioFrame frame;
    long receivedNanos;
    synchronized (inputLock) {
      if (inputCount == 0) {
        return;
      }
      frame = inputFrames[inputHead];
      receivedNanos = inputNanos[inputHead];
      inputFrames[inputHead] = null;
      inputHead = (inputHead + 1) % MAX_INPUT_BACKLOG;
      inputCount--;
    }
    if (!lane.isStarted()) {
      return; // queued before a close: only shutdown() follows
    }
    if (audio != null) {
      audio.markInput(receivedNanos);
    }
    current = frame;
    boolean received = lane.run(receiveCurrent);
    current = null;
    if (received) {
      drainEmits(AFTER_INPUT_MS);
    }
  }

  /** Tells the handler its audio has played out, then drains what it emits in answer. */
  void playbackEnded() {
    lane.execute(
        () -> {
          if (lane.run(handler::playbackEnded)) {
            drainEmits(TOP_UP_MS);
          }
        });
  }

  /**
   * Asks the handler for more audio (the buffer runs low), unless that is already queued, or an
   * input frame arrived since the last request: every input is followed by a drain on the lane, so
   * a connection that receives audio costs one hand-off per input frame, not one more per top-up.
   */
  void requestTopUp() {
    if (inputSinceTopUp) {
      inputSinceTopUp = false;
      return;
    }
    if (topUpPending.compareAndSet(false, true)) {
      lane.execute(topUp);
    }
  }

  private void topUp() {
    topUpPending.set(false);
    drainEmits(TOP_UP_MS);
  }

  /**
   * Calls the audio handler's {@code emit()} and delivers each result until it has nothing, asks to
   * close, or {@code aheadMillis} of audio is queued. Runs on the lane.
   */
  void drainEmits(long aheadMillis) {
    for (int i = 0; i < MAX_EMITS_PER_DRAIN && lane.isStarted(); i++) {
      HandlerLane.Delivered d = lane.deliver(lane.call(emit), 0);
      if (d == HandlerLane.Delivered.STOP
          || (d == HandlerLane.Delivered.AUDIO && stopsDrain(aheadMillis))) {
        return;
      }
    }
  }

  private boolean stopsDrain(long aheadMillis) {
    return audio != null && audio.bufferedMillis() >= aheadMillis;
  }
}
