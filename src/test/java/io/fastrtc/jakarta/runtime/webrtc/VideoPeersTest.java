package io.fastrtc.jakarta.runtime.webrtc;

import static org.assertj.core.api.Assertions.assertThat;

import io.fastrtc.jakarta.api.Emission;
import io.fastrtc.jakarta.api.Modality;
import io.fastrtc.jakarta.api.Mode;
import io.fastrtc.jakarta.api.RealtimeStream;
import io.fastrtc.jakarta.api.VideoFrame;
import io.fastrtc.jakarta.api.VideoHandler;
import io.fastrtc.jakarta.api.VideoResult;
import io.fastrtc.jakarta.demo.FlipStream;
import io.fastrtc.jakarta.demo.GrayscaleStream;
import io.fastrtc.jakarta.demo.MirrorStream;
import io.fastrtc.jakarta.demo.PatternStream;
import io.fastrtc.jakarta.testing.ClientPeer;
import io.fastrtc.jakarta.testing.MediaDirection;
import io.fastrtc.jakarta.testing.VideoCapture;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Video through the real runtime and libwebrtc in one JVM (no Liberty): a webrtc-java client sends
 * the quadrant test pattern and checks the pictures that come back.
 */
@Tag("native")
class VideoPeersTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(15);
  private static InProcessServer server;

  /** Send mode: counts frames and reports every tenth as additional outputs. */
  @RealtimeStream(name = "frame-counter", modality = Modality.VIDEO, mode = Mode.SEND)
  static class FrameCounter implements VideoHandler {
    private int frames;

    @Override
    public VideoResult process(VideoFrame frame) {
      frames++;
      return frames % 10 == 0
          ? Emission.video(frame, "frames", frames, frame.width() + "x" + frame.height())
          : frame;
    }
  }

  /** Takes 150 ms per frame (a heavy model), with FastRTC's skip_frames. */
  @RealtimeStream(name = "slow-skip", modality = Modality.VIDEO, skipFrames = true)
  static class SlowSkipping implements VideoHandler {
    @Override
    public VideoResult process(VideoFrame frame) throws InterruptedException {
      Thread.sleep(150);
      return frame;
    }
  }

  /** The same handler without skip-frames: frames queue up. */
  @RealtimeStream(name = "slow-queue", modality = Modality.VIDEO)
  static class SlowQueueing extends SlowSkipping {}

  @BeforeAll
  static void start() throws Exception {
    server =
        new InProcessServer()
            .stream(FlipStream.class, FlipStream::new).stream(
                GrayscaleStream.class, GrayscaleStream::new)
                .stream(PatternStream.class, PatternStream::new)
                .stream(FrameCounter.class, FrameCounter::new)
                .stream(SlowSkipping.class, SlowSkipping::new)
                .stream(SlowQueueing.class, SlowQueueing::new)
                .stream(MirrorStream.class, MirrorStream::new);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static ClientPeer camera(String stream) {
    ClientPeer peer =
        ClientPeer.builder(server.url(stream))
            .direction(MediaDirection.NONE)
            .video(MediaDirection.SEND_RECEIVE)
            .build();
    assertThat(peer.connect().isAnswer()).isTrue();
    peer.awaitConnected(TIMEOUT);
    return peer;
  }

  private static VideoCapture.Picture settledPicture(ClientPeer peer) {
    peer.videoCapture().awaitFrames(20, TIMEOUT);
    return peer.videoCapture().latest();
  }

  private static List<String> quadrants(VideoCapture.Picture p) {
    return List.of(p.cell(2, 0, 0), p.cell(2, 0, 1), p.cell(2, 1, 0), p.cell(2, 1, 1));
  }

  @Test
  void flipSendsThePatternBackUpsideDown() {
    try (ClientPeer peer = camera("flip")) {
      VideoCapture.Picture p = settledPicture(peer);
      System.out.printf(
          "flip: %dx%d, top row %s %s, bottom row %s %s%n",
          p.width(), p.height(), rgb(p, 0, 0), rgb(p, 0, 1), rgb(p, 1, 0), rgb(p, 1, 1));
      assertThat(p.width()).isEqualTo(320);
      assertThat(quadrants(p)).containsExactly("blue", "white", "red", "green");
    }
  }

  @Test
  void grayscaleKeepsLuminanceAndDropsColour() {
    try (ClientPeer peer = camera("grayscale")) {
      VideoCapture.Picture p = settledPicture(peer);
      System.out.printf(
          "grayscale: %s %s / %s %s%n", rgb(p, 0, 0), rgb(p, 0, 1), rgb(p, 1, 0), rgb(p, 1, 1));
      for (int cell = 0; cell < 4; cell++) {
        int[] c = p.cellRgb(2, cell / 2, cell % 2);
        assertThat(Math.max(Math.abs(c[0] - c[1]), Math.abs(c[1] - c[2])))
            .as("colour left in cell %d", cell)
            .isLessThan(12);
      }
      // BT.601 luma: white > green > red > blue.
      assertThat(p.cellRgb(2, 1, 1)[0]).isGreaterThan(p.cellRgb(2, 0, 1)[0]);
      assertThat(p.cellRgb(2, 0, 1)[0]).isGreaterThan(p.cellRgb(2, 0, 0)[0]);
      assertThat(p.cellRgb(2, 0, 0)[0]).isGreaterThan(p.cellRgb(2, 1, 0)[0]);
    }
  }

  @Test
  void mirrorSendsBothTracksBackWithTheVideoMirrored() {
    try (ClientPeer peer =
        ClientPeer.builder(server.url("mirror")).video(MediaDirection.SEND_RECEIVE).build()) {
      assertThat(peer.connect().isAnswer()).isTrue();
      peer.awaitConnected(TIMEOUT);
      peer.startTone(440, 0.3);
      VideoCapture.Picture p = settledPicture(peer);
      io.fastrtc.jakarta.testing.Await.until(
          () ->
              io.fastrtc.jakarta.testing.Audio.rms(peer.receivedAudio(Duration.ofMillis(500)))
                  > 1000,
          TIMEOUT,
          () -> "audible echo");
      short[] audio = peer.receivedAudio(Duration.ofMillis(500));
      double hz = io.fastrtc.jakarta.testing.Audio.dominantFrequency(audio, 48_000);
      System.out.printf("mirror: %s, echo %.1f Hz%n", quadrants(p), hz);
      assertThat(quadrants(p)).containsExactly("green", "red", "white", "blue");
      assertThat(hz).isCloseTo(440, org.assertj.core.data.Offset.offset(10.0));
    }
  }

  @Test
  void skipFramesKeepsASlowHandlerCurrentWhileAQueueFallsBehind() throws Exception {
    int skipLag = lagAfterFourSeconds("slow-skip");
    int queueLag = lagAfterFourSeconds("slow-queue");
    System.out.printf(
        "slow handler (150 ms/frame): lag %d frames with skipFrames, %d frames queued%n",
        skipLag, queueLag);
    // With skipFrames: about two handler runs (9 frames at 30 fps) plus the codec round trip.
    assertThat(skipLag).isLessThan(20);
    // Queued: frames wait up to a second before they are dropped, so about 30 frames or more.
    assertThat(queueLag).isGreaterThanOrEqualTo(30).isGreaterThan(skipLag);
  }

  /** Frames between the newest one sent and the newest one back, after four seconds. */
  private static int lagAfterFourSeconds(String stream) throws InterruptedException {
    try (ClientPeer peer = camera(stream)) {
      peer.videoCapture().awaitFrames(1, TIMEOUT);
      Thread.sleep(4000);
      List<VideoCapture.Arrival> arrivals = peer.videoCapture().arrivals();
      int back = arrivals.get(arrivals.size() - 1).code();
      return (int) (peer.videoSource().framesPushed() - back);
    }
  }

  @Test
  void patternGeneratesAdvancingFramesAtItsFps() throws Exception {
    try (ClientPeer peer =
        ClientPeer.builder(server.url("pattern"))
            .direction(MediaDirection.NONE)
            .video(MediaDirection.RECEIVE_ONLY)
            .build()) {
      assertThat(peer.connect().isAnswer()).isTrue();
      peer.awaitConnected(TIMEOUT);
      peer.videoCapture().awaitFrames(10, TIMEOUT);
      List<VideoCapture.Arrival> before = peer.videoCapture().arrivals();
      Thread.sleep(2000);
      List<VideoCapture.Arrival> after = peer.videoCapture().arrivals();
      VideoCapture.Arrival first = before.get(before.size() - 1);
      VideoCapture.Arrival last = after.get(after.size() - 1);
      double seconds = (last.nanos() - first.nanos()) / 1e9;
      double fps = (after.size() - before.size()) / seconds;
      System.out.printf(
          "pattern: %dx%d, counter %d -> %d in %.2f s, %.1f fps received%n",
          last.width(), last.height(), first.code(), last.code(), seconds, fps);
      assertThat(last.width()).isEqualTo(640);
      assertThat(last.code() - first.code()).as("counter advance").isBetween(30, 90);
      assertThat(fps).isBetween(15.0, 35.0);
    }
  }

  @Test
  void sendModeReturnsNoVideoButDeliversOutputs() throws Exception {
    try (ClientPeer peer = camera("frame-counter")) {
      peer.awaitMessage(m -> m.contains("fetch_output"), TIMEOUT);
      Thread.sleep(500);
      assertThat(peer.videoCapture().frames()).isZero();
      assertThat(server.outputs()).contains("frames", 10, "320x240");
      System.out.println("send mode outputs: " + server.outputs());
    }
  }

  private static String rgb(VideoCapture.Picture p, int row, int column) {
    int[] c = p.cellRgb(2, row, column);
    return "(" + c[0] + "," + c[1] + "," + c[2] + ")";
  }
}
