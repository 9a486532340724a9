package io.fastrtc.jakarta.testkit;

import io.fastrtc.jakarta.api.AudioFrame;
import io.fastrtc.jakarta.api.AudioVideoStreamHandler;
import io.fastrtc.jakarta.api.Emission;
import io.fastrtc.jakarta.api.HandlerLifecycle;
import io.fastrtc.jakarta.api.Mode;
import io.fastrtc.jakarta.api.RealtimeStream;
import io.fastrtc.jakarta.api.StreamHandler;
import io.fastrtc.jakarta.api.VideoFrame;
import io.fastrtc.jakarta.api.VideoGenerator;
import io.fastrtc.jakarta.api.VideoHandler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Runs one handler the way the runtime runs it, without a server: {@code startUp}, then frames fed
 * with {@link #send(AudioFrame)} or {@link #send(VideoFrame)}, {@code emit()} drained after every
 * audio frame, the output clock moved by {@link #advance(Duration)}, and {@code shutdown} on {@link
 * #close()}. Every handler call runs on one thread of its own, one at a time, and must return
 * within the timeout (5 s unless {@link #timeout(Duration)} says otherwise); a handler's exception
 * fails the call with an {@link AssertionError}. What the handler returns is recorded and read with
 * the {@code await} and {@code assert} methods, which wait up to the timeout.
 *
 * <pre>{@code
 * try (HandlerTester tester = HandlerTester.start(new EchoHandler())) {
 *   AudioFrame hello = AudioFrame.mono(48_000, new short[960]);
 *   tester.send(hello);
 *   tester.assertAudio(hello);
 * }
 * }</pre>
 *
 * <p>The clock is virtual: nothing happens between calls unless the test calls {@link
 * #advance(Duration)}. Emitted audio counts as buffered ({@link
 * FakeStreamContext#bufferedAudioMillis()}) until the clock plays it; as in the runtime, the clock
 * tops the buffer up every 20 ms while it holds less than 60 ms (not in {@link Mode#SEND}), and
 * calls a video generator or {@link AudioVideoStreamHandler#videoEmit()} at the stream's {@link
 * RealtimeStream#fps()}.
 */
public final class HandlerTester implements AutoCloseable {
  private final HandlerLifecycle handler;
  private final FakeStreamContext context;
  private final HandlerLane lane = new HandlerLane();
  private final Recorder recorder = new Recorder();
  private final HandlerDriver driver;
  private final String name;
  private volatile Duration timeout = Duration.ofSeconds(5);
  private boolean shutDown;

  private HandlerTester(HandlerLifecycle handler, FakeStreamContext context) {
    this.handler = handler;
    this.context = context;
    this.driver = new HandlerDriver(handler, context, recorder);
    this.name = handler.getClass().getSimpleName();
  }

  /** Starts {@code handler} with a new {@link FakeStreamContext}: calls {@code startUp}. */
  public static HandlerTester start(HandlerLifecycle handler) {
    return start(handler, new FakeStreamContext());
  }

  /**
   * Starts {@code handler} with {@code context} (set inputs or phone mode on it first): calls
   * {@code startUp}, then for an audio handler drains {@code emit()} as the runtime does.
   *
   * @param handler a {@link StreamHandler}, {@link AudioVideoStreamHandler}, {@link VideoHandler}
   *     or {@link VideoGenerator}
   * @throws AssertionError when {@code startUp} throws or hangs
   */
  public static HandlerTester start(HandlerLifecycle handler, FakeStreamContext context) {
    Objects.requireNonNull(handler, "handler == null");
    Objects.requireNonNull(context, "context == null");
    if (!(handler instanceof StreamHandler
        || handler instanceof VideoHandler
        || handler instanceof VideoGenerator)) {
      throw new IllegalArgumentException("not a handler kind the runtime runs: " + handler);
    }
    HandlerTester tester = new HandlerTester(handler, context);
    tester.onLane("startUp", tester.driver::startUp);
    return tester;
  }

  /**
   * Sets how long calls and waits may take from now on.
   *
   * @return this tester
   */
  public HandlerTester timeout(Duration timeout) {
    this.timeout = Objects.requireNonNull(timeout, "timeout == null");
    return this;
  }

  /** The context the handler got. */
  public FakeStreamContext context() {
    return context;
  }

  /**
   * Feeds one audio frame: {@code receive}, then {@code emit()} until it returns {@link
   * Emission#none()}, as the runtime does. Ignored once the handler has closed the stream.
   *
   * @throws IllegalStateException when the handler is not a {@link StreamHandler}
   */
  public void send(AudioFrame frame) {
    Objects.requireNonNull(frame, "frame == null");
    if (!(handler instanceof StreamHandler)) {
      throw new IllegalStateException(name + " does not receive audio");
    }
    onLane("receive", () -> driver.receive(frame));
  }

  /**
   * Feeds one video frame: {@link VideoHandler#process} (its result is recorded) or {@link
   * AudioVideoStreamHandler#videoReceive}. Ignored once the handler has closed the stream.
   *
   * @throws IllegalStateException when the handler does not receive video
   */
  public void send(VideoFrame frame) {
    Objects.requireNonNull(frame, "frame == null");
    if (!(handler instanceof AudioVideoStreamHandler || handler instanceof VideoHandler)) {
      throw new IllegalStateException(name + " does not receive video");
    }
    onLane("process", () -> driver.receive(frame));
  }

  /**
   * Moves the virtual clock on by {@code time}, in 10 ms steps: plays buffered audio, tops it up
   * with {@code emit()}, calls {@code playbackEnded()} (and records the client's {@code
   * playback_ended} message) once the buffer has stayed empty for 50 ms after audio, and calls the
   * video generator or {@code videoEmit()} at the stream's fps.
   */
  public void advance(Duration time) {
    long micros = time.toNanos() / 1000;
    onLane("emit", () -> driver.advanceTo(driver.clockMicros() + micros));
  }

  /** The next audio the handler emitted, waiting up to the timeout. */
  public AudioFrame awaitAudio() {
    return Recorder.await(recorder.audio, "audio from " + name, timeout);
  }

  /** Checks that the next audio the handler emitted equals {@code expected}. */
  public void assertAudio(AudioFrame expected) {
    AudioFrame actual = awaitAudio();
    if (!actual.equals(expected)) {
      throw new AssertionError("expected audio " + expected + " but got " + actual);
    }
  }

  /** All audio the handler emitted that was not read yet, in order, without waiting. */
  public List<AudioFrame> takeAudio() {
    List<AudioFrame> frames = new ArrayList<>();
    recorder.audio.drainTo(frames);
    return frames;
  }

  /** Checks that the handler has emitted no audio that was not read yet. */
  public void assertNoAudio() {
    Recorder.assertEmpty(recorder.audio, "audio from " + name);
  }

  /** The next video frame the handler returned, waiting up to the timeout. */
  public VideoFrame awaitVideo() {
    return Recorder.await(recorder.video, "video from " + name, timeout);
  }

  /** Checks that the handler has returned no video frame that was not read yet. */
  public void assertNoVideo() {
    Recorder.assertEmpty(recorder.video, "video from " + name);
  }

  /** The values of the next additional outputs, waiting up to the timeout. */
  public List<Object> awaitOutputs() {
    return Recorder.await(recorder.outputs, "outputs from " + name, timeout);
  }

  /** Checks that the handler has emitted no outputs that were not read yet. */
  public void assertNoOutputs() {
    Recorder.assertEmpty(recorder.outputs, "outputs from " + name);
  }

  /** The next message the handler sent through its context, waiting up to the timeout. */
  public SentMessage awaitMessage() {
    return context.awaitMessage(timeout);
  }

  /** The message of the handler's {@link Emission#close(String)}, waiting up to the timeout. */
  public String awaitClosed() {
    return Recorder.await(recorder.closes, "close from " + name, timeout);
  }

  /** Calls {@code shutdown} (once) and stops the tester's thread. */
  @Override
  public void close() {
    try {
      if (!shutDown) {
        shutDown = true;
        driver.markClosed();
        lane.call(
            name + ".shutdown",
            timeout,
            () -> {
              handler.shutdown();
              return null;
            });
      }
    } finally {
      lane.close();
    }
  }

  private void onLane(String method, LaneTask task) {
    if (driver.isClosed()) {
      return;
    }
    lane.call(
        name + "." + method,
        timeout,
        () -> {
          task.run();
          return null;
        });
  }

  @FunctionalInterface
  private interface LaneTask {
    void run() throws Exception;
  }
}
