package io.fastrtc.jakarta.runtime.connection;

import static org.assertj.core.api.Assertions.assertThat;

import io.fastrtc.jakarta.api.AudioEmission;
import io.fastrtc.jakarta.api.AudioFrame;
import io.fastrtc.jakarta.api.AudioVideoStreamHandler;
import io.fastrtc.jakarta.api.Emission;
import io.fastrtc.jakarta.api.HandlerLifecycle;
import io.fastrtc.jakarta.api.Modality;
import io.fastrtc.jakarta.api.Mode;
import io.fastrtc.jakarta.api.RealtimeStream;
import io.fastrtc.jakarta.api.StreamException;
import io.fastrtc.jakarta.api.VideoFrame;
import io.fastrtc.jakarta.api.VideoGenerator;
import io.fastrtc.jakarta.api.VideoHandler;
import io.fastrtc.jakarta.api.VideoResult;
import io.fastrtc.jakarta.runtime.audio.Resampler;
import io.fastrtc.jakarta.runtime.stream.StreamDefinition;
import io.fastrtc.jakarta.testing.Await;
import io.fastrtc.jakarta.testing.RecordingTransport;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The video side of a connection, with a recording transport and controllable executors. */
class VideoLaneTest {

  /** Returns every frame; what it returns next can be changed by the test. */
  @RealtimeStream(name = "video", modality = Modality.VIDEO)
  static class Video implements VideoHandler {
    final List<Integer> seen = new CopyOnWriteArrayList<>();
    volatile Function<VideoFrame, VideoResult> reply = f -> f;

    @Override
    public VideoResult process(VideoFrame frame) {
      seen.add(id(frame));
      return reply.apply(frame);
    }
  }

  @RealtimeStream(name = "video-send", modality = Modality.VIDEO, mode = Mode.SEND)
  static class SendOnly extends Video {}

  @RealtimeStream(name = "video-skip", modality = Modality.VIDEO, skipFrames = true)
  static class Skipping extends Video {}

  @RealtimeStream(name = "pattern", modality = Modality.VIDEO, mode = Mode.RECEIVE, fps = 50)
  static class Counter implements VideoGenerator {
    final AtomicInteger calls = new AtomicInteger();
    volatile int closeAfter = Integer.MAX_VALUE;

    @Override
    public VideoResult next() {
      int n = calls.incrementAndGet();
      return n > closeAfter ? Emission.close("done") : frame(n);
    }
  }

  @RealtimeStream(name = "av", modality = Modality.AUDIO_VIDEO, fps = 50)
  static class Mirror implements AudioVideoStreamHandler {
    volatile VideoFrame latest;

    @Override
    public void receive(AudioFrame frame) {}

    @Override
    public AudioEmission emit() {
      return Emission.none();
    }

    @Override
    public void videoReceive(VideoFrame frame) {
      latest = frame;
    }

    @Override
    public VideoResult videoEmit() {
      VideoFrame f = latest;
      latest = null;
      return f == null ? Emission.none() : f;
    }
  }

  /** Queues tasks until the test runs them, so a "slow handler" is under the test's control. */
  private static final class ManualExecutor implements Executor {
    private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();

    @Override
    public synchronized void execute(Runnable task) {
      tasks.add(task);
    }

    void runAll() {
      for (Runnable next = poll(); next != null; next = poll()) {
        next.run();
      }
    }

    private synchronized Runnable poll() {
      return tasks.poll();
    }
  }

  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final ManualExecutor manual = new ManualExecutor();
  private final RecordingTransport transport = new RecordingTransport();
  private final RuntimeMetrics metrics = new RuntimeMetrics();

  @AfterEach
  void stopScheduler() {
    scheduler.shutdownNow();
  }

  /** A 2x2 I420 frame whose first luma byte is {@code id}. */
  static VideoFrame frame(int id) {
    byte[] data = new byte[6];
    data[0] = (byte) id;
    return VideoFrame.i420(2, 2, data);
  }

  static int id(VideoFrame frame) {
    return frame.data()[0] & 255;
  }

  private Connection open(HandlerLifecycle handler, Executor executor) {
    RuntimeServices services =
        new RuntimeServices(executor, scheduler, (in, out) -> Resampler.identity(in), metrics);
    StreamDefinition stream = StreamDefinition.of(handler.getClass());
    Admission a =
        new ConnectionRegistry(services)
            .admit(stream, "v1", s -> new HandlerLease(handler, () -> {}));
    a.connection().attach(transport);
    a.connection().start();
    return a.connection();
  }

  private static List<Integer> ids(List<VideoFrame> frames) {
    List<Integer> ids = new ArrayList<>();
    frames.forEach(f -> ids.add(id(f)));
    return ids;
  }

  @Test
  void sendReceiveReturnsEachFrameInOrderAndMeasuresTheAddedLatency() {
    Video handler = new Video();
    Connection c = open(handler, Runnable::run);

    for (int i = 1; i <= 3; i++) {
      c.onVideoInput(frame(i), System.nanoTime());
    }

    assertThat(handler.seen).containsExactly(1, 2, 3);
    assertThat(ids(transport.videoFrames)).containsExactly(1, 2, 3);
    assertThat(metrics.snapshot()).containsEntry("videoFramesIn", 3L);
    assertThat(metrics.snapshot()).containsEntry("videoFramesOut", 3L);
    assertThat(metrics.videoLatencyPercentileMillis(50)).isGreaterThan(0);
  }

  @Test
  void sendModeIgnoresFramesButOutputsAndCloseCount() throws Exception {
    SendOnly handler = new SendOnly();
    handler.reply = f -> Emission.video(f, "frame", id(f));
    Connection c = open(handler, Runnable::run);
    List<Object> outputs = new CopyOnWriteArrayList<>();
    c.onOutputs(outputs::addAll);

    c.onVideoInput(frame(7), System.nanoTime());
    handler.reply = f -> Emission.close("enough");
    c.onVideoInput(frame(8), System.nanoTime());

    assertThat(transport.videoFrames).isEmpty();
    assertThat(outputs).containsExactly("frame", 7);
    assertThat(transport.messages).contains("{\"type\":\"fetch_output\",\"data\":[]}");
    Await.until(() -> !c.isOpen(), Duration.ofSeconds(5), () -> "open");
    Await.until(
        () -> transport.messages.contains("{\"type\":\"end_stream\",\"data\":\"enough\"}"),
        Duration.ofSeconds(5),
        () -> transport.messages.toString());
    // end_stream is sent just before the close path records its reason, on the timer's thread.
    Await.until(() -> c.endReason() != null, Duration.ofSeconds(5), () -> "no end reason");
    assertThat(c.endReason()).isEqualTo(EndReason.CLOSE_STREAM);
  }

  @Test
  void skipFramesGivesASlowHandlerOnlyTheNewestFrame() {
    Skipping handler = new Skipping();
    Connection c = open(handler, manual);
    manual.runAll(); // startUp

    for (int i = 1; i <= 5; i++) {
      c.onVideoInput(frame(i), System.nanoTime()); // all arrive while the handler is busy
    }
    manual.runAll();
    c.onVideoInput(frame(6), System.nanoTime());
    manual.runAll();

    assertThat(handler.seen).containsExactly(5, 6);
    assertThat(ids(transport.videoFrames)).containsExactly(5, 6);
    assertThat(metrics.snapshot()).containsEntry("videoFramesSkipped", 4L);
  }

  @Test
  void withoutSkipFramesFramesThatWaitedOverASecondAreDroppedUnseen() {
    Video handler = new Video();
    Connection c = open(handler, manual);
    manual.runAll();

    long now = System.nanoTime();
    c.onVideoInput(frame(1), now - Duration.ofMillis(1500).toNanos());
    c.onVideoInput(frame(2), now - Duration.ofMillis(200).toNanos());
    c.onVideoInput(frame(3), now);
    manual.runAll();

    assertThat(handler.seen).containsExactly(2, 3);
    assertThat(metrics.snapshot()).containsEntry("videoFramesDropped", 1L);
  }

  @Test
  void withoutSkipFramesTheQueueIsBoundedToo() {
    Video handler = new Video();
    Connection c = open(handler, manual);
    manual.runAll();

    for (int i = 1; i <= VideoLane.MAX_BACKLOG + 10; i++) {
      c.onVideoInput(frame(i), System.nanoTime());
    }
    manual.runAll();

    assertThat(handler.seen).hasSize(VideoLane.MAX_BACKLOG).startsWith(1, 2);
    assertThat(metrics.snapshot()).containsEntry("videoFramesDropped", 10L);
  }

  @Test
  void framesBeforeStartAreIgnoredLikeFastRtc() {
    Video handler = new Video();
    RuntimeServices services =
        new RuntimeServices(Runnable::run, scheduler, (in, out) -> Resampler.identity(in), metrics);
    Connection c =
        new ConnectionRegistry(services)
            .admit(StreamDefinition.of(Video.class), "v0", s -> new HandlerLease(handler, () -> {}))
            .connection();
    c.attach(transport);

    c.onVideoInput(frame(1), System.nanoTime());

    assertThat(handler.seen).isEmpty();
  }

  @Test
  void aGeneratorIsPacedAtItsFpsAndStopsWhenTheConnectionCloses() throws Exception {
    Counter generator = new Counter();
    Connection c = open(generator, Runnable::run);

    Thread.sleep(600);
    int afterSixHundredMillis = transport.videoFrames.size();
    c.close(EndReason.CLIENT_CLOSED);
    int atClose = generator.calls.get();
    Thread.sleep(200);

    // 50 fps: about 30 frames in 600 ms; generous bounds for a busy machine.
    assertThat(afterSixHundredMillis).isBetween(15, 40);
    assertThat(ids(transport.videoFrames)).startsWith(1, 2, 3);
    assertThat(generator.calls.get()).isLessThanOrEqualTo(atClose + 1);
  }

  @Test
  void aGeneratorEndsTheStreamWithClose() {
    Counter generator = new Counter();
    generator.closeAfter = 3;
    Connection c = open(generator, Runnable::run);

    Await.until(() -> !c.isOpen(), Duration.ofSeconds(5), () -> "still open");
    Await.until(
        () -> transport.messages.contains("{\"type\":\"end_stream\",\"data\":\"done\"}"),
        Duration.ofSeconds(5),
        () -> transport.messages.toString());
    assertThat(ids(transport.videoFrames)).containsExactly(1, 2, 3);
  }

  @Test
  void anAudioVideoHandlerReceivesFramesAndItsVideoIsPaced() {
    Mirror handler = new Mirror();
    Connection c = open(handler, Runnable::run);

    c.onVideoInput(frame(42), System.nanoTime());

    Await.until(
        () -> !transport.videoFrames.isEmpty(), Duration.ofSeconds(5), () -> "no video out");
    assertThat(ids(transport.videoFrames)).containsExactly(42);
    assertThat(c.isOpen()).isTrue();
  }

  @Test
  void aFrameTheTransportCannotSendIsReportedLikeAHandlerError() {
    List<String> messages = new CopyOnWriteArrayList<>();
    Transport failing =
        new Transport() {
          @Override
          public void sendText(String message) {
            messages.add(message);
          }

          @Override
          public void pushAudio(short[] frame, int sampleRate, int channels) {}

          @Override
          public void pushVideo(VideoFrame frame) {
            throw new StreamException("libyuv conversion failed: bad frame");
          }

          @Override
          public void close() {}
        };
    Video handler = new Video();
    RuntimeServices services =
        new RuntimeServices(Runnable::run, scheduler, (in, out) -> Resampler.identity(in), metrics);
    Connection c =
        new ConnectionRegistry(services)
            .admit(StreamDefinition.of(Video.class), "v2", s -> new HandlerLease(handler, () -> {}))
            .connection();
    c.attach(failing);
    c.start();

    c.onVideoInput(frame(1), System.nanoTime());

    assertThat(messages)
        .contains("{\"type\":\"error\",\"message\":\"libyuv conversion failed: bad frame\"}");
    assertThat(c.endReason()).isEqualTo(EndReason.HANDLER_ERROR);
    assertThat(metrics.snapshot()).containsEntry("videoFramesOut", 0L);
  }

  @Test
  void aThrowingVideoHandlerSendsTheErrorAndCloses() {
    Video handler = new Video();
    handler.reply =
        f -> {
          throw new StreamException("camera model failed");
        };
    Connection c = open(handler, Runnable::run);

    c.onVideoInput(frame(1), System.nanoTime());

    assertThat(transport.messages)
        .contains("{\"type\":\"error\",\"message\":\"camera model failed\"}");
    assertThat(c.endReason()).isEqualTo(EndReason.HANDLER_ERROR);
  }
}
