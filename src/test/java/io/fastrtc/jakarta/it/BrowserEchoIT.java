package io.fastrtc.jakarta.it;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * End to end in a real browser: headless Chromium opens the bundled page, picks a stream, and
 * checks what comes back over WebRTC (audio frequency and level, RTP counters, data-channel
 * messages).
 *
 * <p>Under Arquillian the base URL is the deployed WAR's. The checks themselves take any base URL,
 * so they also run against a server started by hand: {@code java -cp <test classpath>
 * io.fastrtc.jakarta.it.BrowserEchoIT http://localhost:9080/ [echo|tone]}.
 */
@ExtendWith(ArquillianExtension.class)
class BrowserEchoIT {

  static final Path TARGET = Path.of("target");
  static final Path SCREENSHOTS = TARGET.resolve("screenshots");
  static final int TONE_HZ = 440;

  /**
   * RMS level that counts as "not silence" (about -46 dBFS). Chromium's capture processing (noise
   * suppression, gain control) attenuates the steady fake-microphone tone: a 0.35 RMS source came
   * back at 0.02 to 0.07 RMS through an aiortc echo.
   */
  static final double MIN_LEVEL = 0.005;

  /** One browser for both checks, with the fake microphone's 440 Hz tone; each from a blank tab. */
  @RegisterExtension
  static final SharedChromium BROWSER = new SharedChromium(() -> HeadlessChromium.start(toneWav()));

  @ArquillianResource URL baseUrl;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ShrinkWrap.createFromZipFile(WebArchive.class, TARGET.resolve("fastrtc.war").toFile());
  }

  @Test
  void echoStreamSendsTheMicrophoneToneBack() throws Exception {
    HeadlessChromium chromium = BROWSER.get();
    runEchoCheck(baseUrl.toURI(), chromium);
  }

  @Test
  void toneStreamPlaysAnAudibleTone() throws Exception {
    HeadlessChromium chromium = BROWSER.get();
    runToneCheck(baseUrl.toURI(), chromium);
  }

  /** Drives the checks against a running server: {@code BrowserEchoIT <base URL> [echo|tone]}. */
  public static void main(String[] args) throws Exception {
    URI base = URI.create(args.length > 0 ? args[0] : "http://localhost:9080/");
    String which = args.length > 1 ? args[1] : "all";
    try (HeadlessChromium browser = HeadlessChromium.start(toneWav())) {
      if (!which.equals("tone")) {
        runEchoCheck(base, browser);
        System.out.println("echo check passed against " + base);
        browser.resetToOneBlankTab();
      }
      if (!which.equals("echo")) {
        runToneCheck(base, browser);
        System.out.println("tone check passed against " + base);
      }
    }
  }

  /**
   * The fake microphone plays a 440 Hz tone; the "echo" stream must send it back, answer the
   * "handshake" on the data channel, and close cleanly on Stop (in a browser of its own).
   */
  static void runEchoCheck(URI base) throws Exception {
    try (HeadlessChromium browser = HeadlessChromium.start(toneWav())) {
      runEchoCheck(base, browser);
    }
  }

  static void runEchoCheck(URI base, HeadlessChromium chromium) throws Exception {
    checking(chromium, "echo", () -> checkEcho(chromium, base));
  }

  /** The "tone" stream (receive mode, no microphone) must play an audible tone. */
  static void runToneCheck(URI base, HeadlessChromium chromium) throws Exception {
    checking(chromium, "tone", () -> checkTone(chromium, base));
  }

  private static void checkEcho(HeadlessChromium chromium, URI base) throws Exception {
    startStream(chromium, base, "echo");
    Thread.sleep(2500);

    Map<String, Object> first = audioStats(chromium);
    Map<String, Object> tone = dominantFrequency(chromium);
    assertThat(number(tone, "frequency"))
        .as("echoed frequency, Hz")
        .isCloseTo(TONE_HZ, within(15.0));
    assertThat(number(tone, "level")).as("echoed RMS level").isGreaterThan(MIN_LEVEL);
    Thread.sleep(1000);
    Map<String, Object> second = audioStats(chromium);
    assertThat(number(first, "packetsReceived")).as("inbound RTP packets").isGreaterThan(50);
    assertThat(number(second, "packetsReceived"))
        .as("inbound RTP packets one second later")
        .isGreaterThan(number(first, "packetsReceived"));
    assertThat(number(second, "packetsSent")).as("outbound RTP packets").isGreaterThan(50);

    waitFor(
        chromium,
        "the answer to \"handshake\"",
        Duration.ofSeconds(10),
        page -> messages(page).stream().anyMatch(m -> m.contains("Server received: handshake")));
    assertThat(messages(chromium)).as("data-channel messages").isNotEmpty();
    System.out.printf(
        "echo: %.1f Hz at RMS %.3f; %.0f then %.0f packets received; messages %s%n",
        number(tone, "frequency"),
        number(tone, "level"),
        number(first, "packetsReceived"),
        number(second, "packetsReceived"),
        messages(chromium));

    chromium.screenshot(SCREENSHOTS.resolve("echo.png"));
    stopStream(chromium);
  }

  private static void checkTone(HeadlessChromium chromium, URI base) throws Exception {
    startStream(chromium, base, "tone");
    Thread.sleep(2500);

    Map<String, Object> tone = dominantFrequency(chromium);
    assertThat(number(tone, "level")).as("tone RMS level").isGreaterThan(MIN_LEVEL);
    assertThat(number(tone, "frequency")).as("tone frequency, Hz").isBetween(200.0, 2000.0);
    Map<String, Object> stats = audioStats(chromium);
    assertThat(number(stats, "packetsReceived")).as("inbound RTP packets").isGreaterThan(50);
    System.out.printf(
        "tone: %.1f Hz at RMS %.3f; %.0f packets received%n",
        number(tone, "frequency"), number(tone, "level"), number(stats, "packetsReceived"));

    chromium.screenshot(SCREENSHOTS.resolve("tone.png"));
    stopStream(chromium);
  }

  /** Loads the stream's own page and waits until it can start. */
  static void openStreamPage(HeadlessChromium chromium, URI base, String stream) {
    String root = base.toString().endsWith("/") ? base.toString() : base + "/";
    chromium.open(root + "stream.html?name=" + stream);
    waitFor(
        chromium,
        "the page of stream \"" + stream + "\"",
        Duration.ofSeconds(15),
        page -> {
          if (!errors(page).isEmpty()) {
            throw new AssertionError("the page shows errors: " + errors(page));
          }
          return page.driver().findElement(By.id("start")).isEnabled();
        });
    assertThat(chromium.driver().findElement(By.id("title")).getText()).isEqualTo(stream);
  }

  /** Opens the stream's page, clicks Start and waits for "connected". */
  static void startStream(HeadlessChromium chromium, URI base, String stream) {
    openStreamPage(chromium, base, stream);
    rawMicrophone(chromium);
    clickStartAndAwaitConnected(chromium);
  }

  /**
   * Turns the page's voice processing off where it has a microphone: Chromium's noise suppression
   * fades the steady test tone out within seconds (once to 195 Hz noise in a CI run), and the tests
   * measure the stream, not the suppressor.
   */
  static void rawMicrophone(HeadlessChromium chromium) {
    if (chromium.driver().findElement(By.id("processing-field")).isDisplayed()) {
      chromium.driver().findElement(By.id("voice-processing")).click();
      assertThat(chromium.driver().findElement(By.id("voice-processing")).isSelected()).isFalse();
    }
  }

  /** Clicks Start on an open stream page and waits for "connected". */
  static void clickStartAndAwaitConnected(HeadlessChromium chromium) {
    chromium.driver().findElement(By.id("start")).click();
    waitFor(
        chromium,
        "state connected",
        Duration.ofSeconds(20),
        page -> {
          List<String> errors =
              errors(page).stream().filter(e -> !e.startsWith("warning:")).toList();
          if (!errors.isEmpty()) {
            throw new AssertionError("the page shows errors: " + errors + ", state " + state(page));
          }
          return "connected".equals(state(page));
        });
  }

  /** Clicks Stop and waits for state "closed". */
  static void stopStream(HeadlessChromium chromium) {
    chromium.driver().findElement(By.id("stop")).click();
    waitFor(chromium, "state closed", Duration.ofSeconds(5), page -> "closed".equals(state(page)));
    assertThat(chromium.driver().findElement(By.id("state")).getText()).isEqualTo("closed");
  }

  static String state(HeadlessChromium chromium) {
    return String.valueOf(chromium.script("return window.fastrtcPage.state;"));
  }

  @SuppressWarnings("unchecked")
  static List<String> messages(HeadlessChromium chromium) {
    return (List<String>) chromium.script("return window.fastrtcPage.messages.slice();");
  }

  @SuppressWarnings("unchecked")
  static List<String> errors(HeadlessChromium chromium) {
    return (List<String>) chromium.script("return window.fastrtcPage.errors.slice();");
  }

  static Map<String, Object> dominantFrequency(HeadlessChromium chromium) {
    Map<String, Object> result = chromium.awaitScript("window.fastrtcPage.dominantFrequency()");
    assertThat(result).as("remote audio analysis").doesNotContainKey("error");
    return result;
  }

  static Map<String, Object> audioStats(HeadlessChromium chromium) {
    Map<String, Object> stats = chromium.awaitScript("window.fastrtcPage.inboundAudioStats()");
    assertThat(stats).as("RTP stats").isNotNull().doesNotContainKey("error");
    return stats;
  }

  static double number(Map<String, Object> values, String key) {
    assertThat(values).as("result").containsKey(key);
    return ((Number) values.get(key)).doubleValue();
  }

  static void waitFor(
      HeadlessChromium chromium, String what, Duration timeout, Predicate<HeadlessChromium> done) {
    try {
      new WebDriverWait(chromium.driver(), timeout, Duration.ofMillis(100))
          .until(driver -> done.test(chromium));
    } catch (TimeoutException e) {
      throw new AssertionError(
          "timed out after "
              + timeout.toSeconds()
              + " s waiting for "
              + what
              + "; state "
              + state(chromium)
              + ", errors "
              + errors(chromium)
              + ", messages "
              + messages(chromium),
          e);
    }
  }

  /** Runs a check; on failure saves {@code <name>-failure.png} and adds the browser console. */
  static void checking(HeadlessChromium chromium, String name, Check check) throws Exception {
    try {
      check.run();
    } catch (Exception | AssertionError e) {
      try {
        chromium.screenshot(SCREENSHOTS.resolve(name + "-failure.png"));
      } catch (IOException | RuntimeException screenshotFailure) {
        e.addSuppressed(screenshotFailure);
      }
      e.addSuppressed(new AssertionError("browser console:\n" + chromium.consoleLog()));
      throw e;
    }
  }

  @FunctionalInterface
  interface Check {
    void run() throws Exception;
  }

  /** The fake microphone's file: five seconds of {@link #TONE_HZ} at half scale. */
  static Path toneWav() throws IOException {
    return writeToneWav(TARGET.resolve("browser").resolve("tone-440hz.wav"), TONE_HZ, 5);
  }

  /**
   * Writes a 48 kHz mono 16-bit PCM WAV of a sine at half scale. A whole number of cycles makes
   * Chromium's looping of the file seamless.
   */
  static Path writeToneWav(Path file, int hz, int seconds) throws IOException {
    int rate = 48_000;
    int samples = rate * seconds;
    ByteBuffer pcm = ByteBuffer.allocate(samples * 2).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < samples; i++) {
      pcm.putShort(
          (short) Math.round(0.5 * Short.MAX_VALUE * Math.sin(2 * Math.PI * hz * i / rate)));
    }
    ByteBuffer header = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
    header.put("RIFF".getBytes(US_ASCII)).putInt(36 + samples * 2);
    header.put("WAVEfmt ".getBytes(US_ASCII)).putInt(16);
    header.putShort((short) 1).putShort((short) 1).putInt(rate).putInt(rate * 2);
    header.putShort((short) 2).putShort((short) 16);
    header.put("data".getBytes(US_ASCII)).putInt(samples * 2);
    ByteArrayOutputStream out = new ByteArrayOutputStream(44 + samples * 2);
    out.write(header.array());
    out.write(pcm.array());
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.write(file, out.toByteArray());
    return file;
  }
}
