package io.fastrtc.jakarta.it;

import static io.fastrtc.jakarta.it.ItSupport.CONNECT;
import static io.fastrtc.jakarta.it.ItSupport.stream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fastrtc.jakarta.testing.Audio;
import io.fastrtc.jakarta.testing.Await;
import io.fastrtc.jakarta.testing.ClientPeer;
import io.fastrtc.jakarta.testing.MediaDirection;
import io.fastrtc.jakarta.testing.OfferEndpoint;
import io.fastrtc.jakarta.testing.OfferResult;
import io.fastrtc.jakarta.testing.SseReader;
import io.fastrtc.jakarta.testing.VideoCapture;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every supported cell of FastRTC's modality x mode table on Liberty, with a webrtc-java client
 * checking what comes back: pictures (quadrant colours of the known test pattern), frame counters,
 * tones, additional outputs (read from the SSE outputs route), and that send-only streams send no
 * media.
 */
@ExtendWith(ArquillianExtension.class)
class VideoMediaIT {
  @ArquillianResource URL base;
  private String lastAnswer;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ItSupport.warWithTestStreams();
  }

  private ClientPeer connect(String streamName, MediaDirection audio, MediaDirection video) {
    ClientPeer peer =
        ClientPeer.builder(stream(base, streamName)).direction(audio).video(video).build();
    try {
      OfferResult answer = peer.connect();
      assertThat(answer.isAnswer()).as(answer.body()).isTrue();
      lastAnswer = answer.sdp();
      peer.awaitConnected(CONNECT);
      return peer;
    } catch (RuntimeException | Error e) {
      peer.close();
      throw e;
    }
  }

  private static VideoCapture.Picture pictureAfter(ClientPeer peer, int frames) {
    peer.videoCapture().awaitFrames(frames, CONNECT);
    return peer.videoCapture().latest();
  }

  private static List<String> quadrants(VideoCapture.Picture p) {
    return List.of(p.cell(2, 0, 0), p.cell(2, 0, 1), p.cell(2, 1, 0), p.cell(2, 1, 1));
  }

  private static String describe(VideoCapture.Picture p) {
    StringBuilder s = new StringBuilder(p.width() + "x" + p.height());
    for (int cell = 0; cell < 4; cell++) {
      int[] c = p.cellRgb(2, cell / 2, cell % 2);
      s.append(cell == 2 ? " / " : " ").append(java.util.Arrays.toString(c));
    }
    return s.toString();
  }

  // ---- video ----

  @Test
  void videoSendReceiveFlipReturnsThePatternUpsideDown() {
    try (ClientPeer peer = connect("flip", MediaDirection.NONE, MediaDirection.SEND_RECEIVE)) {
      VideoCapture.Picture p = pictureAfter(peer, 20);
      System.out.println("flip (sent red green / blue white): " + describe(p));
      assertThat(p.width()).isEqualTo(320);
      assertThat(quadrants(p)).containsExactly("blue", "white", "red", "green");
    }
  }

  @Test
  void videoSendReceiveGrayscaleKeepsOnlyLuma() {
    try (ClientPeer peer = connect("grayscale", MediaDirection.NONE, MediaDirection.SEND_RECEIVE)) {
      VideoCapture.Picture p = pictureAfter(peer, 20);
      System.out.println("grayscale: " + describe(p));
      for (int cell = 0; cell < 4; cell++) {
        int[] c = p.cellRgb(2, cell / 2, cell % 2);
        assertThat(Math.max(Math.abs(c[0] - c[1]), Math.abs(c[1] - c[2])))
            .as("colour left in cell %d", cell)
            .isLessThan(12);
      }
      assertThat(p.cellRgb(2, 0, 0)[0]).as("red's luma").isCloseTo(77, within(15));
      assertThat(p.cellRgb(2, 0, 1)[0]).as("green's luma").isCloseTo(149, within(15));
    }
  }

  @Test
  void videoSendReturnsNoVideoButDeliversOutputs() throws Exception {
    try (ClientPeer peer =
        connect("frame-report", MediaDirection.NONE, MediaDirection.SEND_RECEIVE)) {
      assertThat(lastAnswer.substring(lastAnswer.indexOf("m=video"))).contains("a=recvonly");
      peer.awaitMessage(m -> m.contains("fetch_output"), CONNECT);
      List<JsonArray> outputs = outputs("frame-report", peer.webrtcId(), 3);
      Thread.sleep(500);
      System.out.println(
          "video send mode: outputs " + outputs + "; frames back " + peer.videoCapture().frames());
      assertThat(peer.videoCapture().frames()).as("frames sent back").isZero();
      assertThat(outputs.get(0).getString(0)).isEqualTo("frames");
      assertThat(outputs.get(0).getInt(1)).isEqualTo(10);
      assertThat(outputs.get(2).getInt(1)).isEqualTo(30);
      assertThat(outputs.get(0).getString(2)).isEqualTo("320x240");
    }
  }

  @Test
  void videoReceiveGeneratesAdvancingFramesAtItsFps() throws Exception {
    try (ClientPeer peer = connect("pattern", MediaDirection.NONE, MediaDirection.RECEIVE_ONLY)) {
      peer.videoCapture().awaitFrames(10, CONNECT);
      List<VideoCapture.Arrival> before = peer.videoCapture().arrivals();
      Thread.sleep(2000);
      List<VideoCapture.Arrival> after = peer.videoCapture().arrivals();
      VideoCapture.Arrival first = before.get(before.size() - 1);
      VideoCapture.Arrival last = after.get(after.size() - 1);
      double seconds = (last.nanos() - first.nanos()) / 1e9;
      double fps = (after.size() - before.size()) / seconds;
      System.out.printf(
          "video receive: %dx%d, counter %d -> %d in %.2f s, %.1f fps%n",
          last.width(), last.height(), first.code(), last.code(), seconds, fps);
      assertThat(last.code()).as("counter").isGreaterThan(first.code());
      assertThat((last.code() - first.code()) / seconds)
          .as("counter advance per second")
          .isBetween(20.0, 40.0);
      assertThat(fps).isBetween(15.0, 35.0);
    }
  }

  // ---- audio ----

  @Test
  void audioSendReturnsNoAudioButReportsTheLevelAsOutputs() throws Exception {
    try (ClientPeer peer =
        connect("level-meter", MediaDirection.SEND_RECEIVE, MediaDirection.NONE)) {
      assertThat(lastAnswer.substring(lastAnswer.indexOf("m=audio"))).contains("a=recvonly");
      peer.startTone(440, 0.3);
      peer.awaitMessage(m -> m.contains("fetch_output"), CONNECT);
      Thread.sleep(1500); // let the codec settle; the outputs route keeps what came before
      List<JsonArray> outputs = outputs("level-meter", peer.webrtcId(), 15);
      JsonArray last = outputs.get(outputs.size() - 1);
      double heard = Audio.rms(peer.receivedAudio(Duration.ofSeconds(1)));
      System.out.printf(
          "audio send mode: %d outputs [level, peak], the 15th %s; audio back RMS %.0f%n",
          outputs.size(), last, heard);
      // A sine of peak 0.3 has RMS 0.212.
      assertThat(last.getJsonNumber(0).doubleValue()).as("level").isCloseTo(0.212, within(0.03));
      assertThat(last.getJsonNumber(1).doubleValue()).as("peak").isCloseTo(0.3, within(0.05));
      assertThat(heard).as("audio sent back").isZero();
    }
  }

  // ---- audio-video ----

  @Test
  void audioVideoMirrorReturnsBothTracks() {
    try (ClientPeer peer =
        connect("mirror", MediaDirection.SEND_RECEIVE, MediaDirection.SEND_RECEIVE)) {
      peer.startTone(440, 0.3);
      VideoCapture.Picture p = pictureAfter(peer, 20);
      Await.until(
          () -> Audio.rms(peer.receivedAudio(Duration.ofMillis(500))) > 1000,
          CONNECT,
          () -> "audible echo");
      short[] audio = peer.receivedAudio(Duration.ofMillis(500));
      double hz = Audio.dominantFrequency(audio, peer.receivedSampleRate());
      System.out.printf(
          "mirror: video %s; audio %.1f Hz at RMS %.0f%n", describe(p), hz, Audio.rms(audio));
      assertThat(quadrants(p)).containsExactly("green", "red", "white", "blue");
      assertThat(hz).isCloseTo(440, within(10.0));
    }
  }

  // ---- track kinds ----

  @Test
  void anOfferedTrackOfTheWrongKindIsRefusedWithFastRtcsMessage() {
    OfferResult audioForVideo =
        new OfferEndpoint(stream(base, "flip"))
            .postOffer(
                "v=0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\nm=video 9 UDP/TLS/RTP/SAVPF 96\r\n",
                "k1");
    assertThat(audioForVideo.statusCode()).isEqualTo(400);
    assertThat(audioForVideo.error()).isEqualTo("offer_failed");
    assertThat(audioForVideo.meta().getString("detail"))
        .isEqualTo("Unsupported track kind 'audio' for modality 'video'");
  }

  @Test
  void allowExtraTracksAcceptsACameraOnAnAudioStreamAndIgnoresIt() {
    try (ClientPeer peer =
        ClientPeer.builder(stream(base, "extra-tracks"))
            .video(MediaDirection.SEND_RECEIVE)
            .build()) {
      OfferResult answer = peer.connect();
      assertThat(answer.isAnswer()).as(answer.body()).isTrue();
      String videoSection = answer.sdp().substring(answer.sdp().indexOf("m=video"));
      assertThat(videoSection).contains("a=inactive");
      peer.awaitConnected(CONNECT);
      peer.startTone(440, 0.3);
      ItSupport.assertHears(peer, 440);
      assertThat(peer.videoCapture().frames()).isZero();
    }
  }

  /** The first {@code count} additional outputs of a connection, read from its SSE route. */
  @Test
  void brightnessSliderChangesTheOutputOfALiveVideoStream() throws Exception {
    // The pattern's quadrants have luma red 77, green 149, blue 29, white 255.
    try (ClientPeer peer = connect("brightness", MediaDirection.NONE, MediaDirection.SEND_RECEIVE);
        SseReader sse =
            SseReader.open(
                URI.create(stream(base, "brightness") + "/outputs?webrtc_id=" + peer.webrtcId()),
                null)) {
      assertThat(quadrants(pictureAfter(peer, 20)))
          .containsExactly("blue", "white", "red", "green");
      setThreshold(peer, 0.5);
      double half = awaitShare(sse, 0.5);
      setThreshold(peer, 0.9);
      double white = awaitShare(sse, 0.25);
      System.out.printf("brightness: share %.3f at threshold 0.5, %.3f at 0.9%n", half, white);
    }
  }

  private void setThreshold(ClientPeer peer, double threshold) throws Exception {
    String body = "{\"webrtc_id\":\"" + peer.webrtcId() + "\",\"threshold\":" + threshold + "}";
    java.net.http.HttpResponse<String> r =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        URI.create(stream(base, "brightness") + "/input_hook"))
                    .header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
  }

  /** Reads outputs in order until one is within 0.05 of {@code expected}; fails after 10 s. */
  private static double awaitShare(SseReader sse, double expected) throws Exception {
    long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    double last = Double.NaN;
    while (System.nanoTime() < until) {
      SseReader.Event e = sse.next("output", 1, CONNECT).get(0);
      last =
          Json.createReader(new StringReader(e.data())).readArray().getJsonNumber(0).doubleValue();
      if (Math.abs(last - expected) <= 0.05) {
        return last;
      }
    }
    throw new AssertionError("share never reached " + expected + "; last " + last);
  }

  private List<JsonArray> outputs(String streamName, String webrtcId, int count) throws Exception {
    URI uri = URI.create(stream(base, streamName) + "/outputs?webrtc_id=" + webrtcId);
    try (SseReader reader = SseReader.open(uri, null)) {
      return reader.next("output", count, CONNECT).stream()
          .map(e -> Json.createReader(new StringReader(e.data())).readArray())
          .toList();
    }
  }
}
