package io.fastrtc.jakarta.it;

import static io.fastrtc.jakarta.it.BrowserEchoIT.SCREENSHOTS;
import static io.fastrtc.jakarta.it.BrowserEchoIT.TARGET;
import static io.fastrtc.jakarta.it.BrowserEchoIT.checking;
import static io.fastrtc.jakarta.it.BrowserEchoIT.number;
import static io.fastrtc.jakarta.it.BrowserEchoIT.startStream;
import static io.fastrtc.jakarta.it.BrowserEchoIT.stopStream;
import static io.fastrtc.jakarta.it.BrowserEchoIT.waitFor;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fastrtc.jakarta.testing.TestPattern;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Video in a real browser: headless Chromium's fake camera plays a Y4M file of the known quadrant
 * picture (red, green / blue, white), the bundled page sends it, and the picture that comes back is
 * measured on a canvas grab of the remote {@code <video>}.
 *
 * <p>Against a server started by hand: {@code java -cp <test classpath>
 * io.fastrtc.jakarta.it.BrowserVideoIT http://localhost:9080/}.
 */
@ExtendWith(ArquillianExtension.class)
class BrowserVideoIT {
  static final int WIDTH = 640;
  static final int HEIGHT = 480;

  /** One browser for both checks, with the four-colour camera and the 440 Hz microphone. */
  @RegisterExtension
  static final SharedChromium BROWSER =
      new SharedChromium(() -> HeadlessChromium.start(BrowserEchoIT.toneWav(), quadrantsY4m()));

  @ArquillianResource URL baseUrl;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ShrinkWrap.createFromZipFile(WebArchive.class, TARGET.resolve("fastrtc.war").toFile());
  }

  @Test
  void flipAndGrayscaleReturnTransformedFramesAndPatternPlays() throws Exception {
    HeadlessChromium chromium = BROWSER.get();
    runFilterChecks(baseUrl.toURI(), chromium);
  }

  @Test
  void audioVideoMirrorReturnsBothTracks() throws Exception {
    HeadlessChromium chromium = BROWSER.get();
    runMirrorCheck(baseUrl.toURI(), chromium);
  }

  /** Drives the checks against a running server: {@code BrowserVideoIT <base URL>}. */
  public static void main(String[] args) throws Exception {
    URI base = URI.create(args.length > 0 ? args[0] : "http://localhost:9080/");
    try (HeadlessChromium browser =
        HeadlessChromium.start(BrowserEchoIT.toneWav(), quadrantsY4m())) {
      runFilterChecks(base, browser);
      browser.resetToOneBlankTab();
      runMirrorCheck(base, browser);
    }
    System.out.println("video checks passed against " + base);
  }

  static void runFilterChecks(URI base, HeadlessChromium chromium) throws Exception {
    checking(
        chromium,
        "flip",
        () -> {
          startStream(chromium, base, "flip");
          awaitRemoteFrames(chromium);
          assertThat(colours(chromium, "local"))
              .as("the fake camera")
              .containsExactly("red", "green", "blue", "white");
          assertThat(colours(chromium, "remote"))
              .as("flip: upside down")
              .containsExactly("blue", "white", "red", "green");
          chromium.screenshot(SCREENSHOTS.resolve("flip.png"));
          stopStream(chromium);
        });
    checking(
        chromium,
        "grayscale",
        () -> {
          startStream(chromium, base, "grayscale");
          awaitRemoteFrames(chromium);
          List<int[]> cells = cells(chromium, "remote");
          System.out.println(
              "browser grayscale quadrants: "
                  + cells.stream().map(java.util.Arrays::toString).toList());
          for (int[] c : cells) {
            assertThat(Math.max(Math.abs(c[0] - c[1]), Math.abs(c[1] - c[2])))
                .as("colour left in a grayscale cell")
                .isLessThan(16);
          }
          assertThat(cells.get(0)[1]).as("red's luma").isCloseTo(77, within(20));
          assertThat(cells.get(1)[1]).as("green's luma").isCloseTo(149, within(20));
          chromium.screenshot(SCREENSHOTS.resolve("grayscale.png"));
          stopStream(chromium);
        });
    checking(
        chromium,
        "pattern",
        () -> {
          startStream(chromium, base, "pattern");
          awaitRemoteFrames(chromium);
          Map<String, Object> first = videoStats(chromium);
          Thread.sleep(1000);
          Map<String, Object> second = videoStats(chromium);
          System.out.printf(
              "browser receive-only video: %.0fx%.0f, %.0f frames decoded in one second%n",
              number(second, "frameWidth"),
              number(second, "frameHeight"),
              number(second, "framesDecoded") - number(first, "framesDecoded"));
          assertThat(number(second, "frameWidth")).isEqualTo(640);
          assertThat(number(second, "frameHeight")).isEqualTo(360);
          assertThat(number(second, "framesDecoded") - number(first, "framesDecoded"))
              .as("frames decoded in one second")
              .isBetween(15.0, 40.0);
          chromium.screenshot(SCREENSHOTS.resolve("pattern.png"));
          stopStream(chromium);
        });
  }

  private static Map<String, Object> videoStats(HeadlessChromium chromium) {
    return chromium.awaitScript("window.fastrtcPage.inboundVideoStats()");
  }

  static void runMirrorCheck(URI base, HeadlessChromium chromium) throws Exception {
    checking(
        chromium,
        "mirror",
        () -> {
          startStream(chromium, base, "mirror");
          awaitRemoteFrames(chromium);
          @SuppressWarnings("unchecked")
          List<String> kinds =
              (List<String>) chromium.script("return window.fastrtcPage.remoteKinds.slice();");
          assertThat(kinds).as("remote tracks").containsExactlyInAnyOrder("audio", "video");
          assertThat(colours(chromium, "remote"))
              .as("mirror: left and right swapped")
              .containsExactly("green", "red", "white", "blue");
          Thread.sleep(1500);
          Map<String, Object> tone = BrowserEchoIT.dominantFrequency(chromium);
          System.out.printf(
              "browser mirror: tracks %s, audio %.1f Hz at RMS %.3f, video %s%n",
              kinds, number(tone, "frequency"), number(tone, "level"), colours(chromium, "remote"));
          assertThat(number(tone, "frequency")).as("echoed Hz").isCloseTo(440, within(15.0));
          assertThat(number(tone, "level")).isGreaterThan(BrowserEchoIT.MIN_LEVEL);
          chromium.screenshot(SCREENSHOTS.resolve("mirror.png"));
          stopStream(chromium);
        });
  }

  private static void awaitRemoteFrames(HeadlessChromium chromium) throws InterruptedException {
    waitFor(
        chromium,
        "decoded remote video",
        Duration.ofSeconds(20),
        page -> {
          Map<String, Object> stats = page.awaitScript("window.fastrtcPage.inboundVideoStats()");
          return stats != null && ((Number) stats.get("framesDecoded")).intValue() > 30;
        });
    Thread.sleep(500); // let the bitrate ramp up a little past the first blurry frames
    Map<String, Object> stats = chromium.awaitScript("window.fastrtcPage.inboundVideoStats()");
    System.out.println("browser inbound video: " + stats);
  }

  private static List<String> colours(HeadlessChromium chromium, String which) {
    List<String> names = new ArrayList<>();
    cells(chromium, which).forEach(c -> names.add(TestPattern.name(c)));
    System.out.println(which + " picture quadrants: " + names);
    return names;
  }

  /** The four quadrants' mean [r, g, b], row by row. */
  @SuppressWarnings("unchecked")
  private static List<int[]> cells(HeadlessChromium chromium, String which) {
    Map<String, Object> sample =
        chromium.awaitScript("window.fastrtcPage.videoSample('" + which + "', 2)");
    assertThat(sample).as(which + " video sample").isNotNull().doesNotContainKey("error");
    List<int[]> cells = new ArrayList<>();
    for (List<List<Number>> row : (List<List<List<Number>>>) sample.get("cells")) {
      for (List<Number> cell : row) {
        cells.add(
            new int[] {cell.get(0).intValue(), cell.get(1).intValue(), cell.get(2).intValue()});
      }
    }
    return cells;
  }

  /** A 640x480 Y4M file of the quadrant picture: ten identical frames, which Chromium loops. */
  static Path quadrantsY4m() throws IOException {
    Path file = TARGET.resolve("browser").resolve("quadrants-640x480.y4m");
    byte[] frame = TestPattern.quadrantsI420(WIDTH, HEIGHT);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(
        ("YUV4MPEG2 W" + WIDTH + " H" + HEIGHT + " F30:1 Ip A1:1 C420jpeg\n").getBytes(US_ASCII));
    for (int i = 0; i < 10; i++) {
      out.write("FRAME\n".getBytes(US_ASCII));
      out.write(frame);
    }
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.write(file, out.toByteArray());
    return file;
  }
}
