package io.fastrtc.jakarta.it;

import static io.fastrtc.jakarta.it.BrowserEchoIT.MIN_LEVEL;
import static io.fastrtc.jakarta.it.BrowserEchoIT.TARGET;
import static io.fastrtc.jakarta.it.BrowserEchoIT.TONE_HZ;
import static io.fastrtc.jakarta.it.BrowserEchoIT.checking;
import static io.fastrtc.jakarta.it.BrowserEchoIT.dominantFrequency;
import static io.fastrtc.jakarta.it.BrowserEchoIT.errors;
import static io.fastrtc.jakarta.it.BrowserEchoIT.number;
import static io.fastrtc.jakarta.it.BrowserEchoIT.state;
import static io.fastrtc.jakarta.it.BrowserEchoIT.stopStream;
import static io.fastrtc.jakarta.it.BrowserEchoIT.waitFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.URI;
import java.net.URL;
import java.time.Duration;
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
import org.openqa.selenium.By;

/**
 * The bundled page's WebSocket option in headless Chromium: the page captures the fake microphone
 * through an AudioWorklet, sends 20 ms µ-law messages to {@code /streams/<name>/websocket/offer},
 * and plays what comes back through a MediaStream, which the page's analyser measures.
 *
 * <p>Also runs against a server started by hand: {@code java -cp <test classpath>
 * io.fastrtc.jakarta.it.BrowserWebSocketIT http://localhost:9080/}.
 */
@ExtendWith(ArquillianExtension.class)
class BrowserWebSocketIT {

  /**
   * One browser for the three checks, with the fake microphone's 440 Hz tone; each from a blank
   * tab.
   */
  @RegisterExtension
  static final SharedChromium BROWSER =
      new SharedChromium(() -> HeadlessChromium.start(BrowserEchoIT.toneWav()));

  @ArquillianResource URL baseUrl;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ShrinkWrap.createFromZipFile(WebArchive.class, TARGET.resolve("fastrtc.war").toFile());
  }

  @Test
  void echoOverTheWebSocketSendsTheMicrophoneToneBack() throws Exception {
    HeadlessChromium chromium = BROWSER.get();
    runEchoCheck(baseUrl.toURI(), chromium);
  }

  @Test
  void aReceiveModeStreamPlaysOverTheWebSocket() throws Exception {
    HeadlessChromium chromium = BROWSER.get();
    runToneCheck(baseUrl.toURI(), chromium);
  }

  @Test
  void talkingOverTheReplyClearsThePagesQueuedAudio() throws Exception {
    HeadlessChromium chromium = BROWSER.get();
    runBargeInCheck(baseUrl.toURI(), chromium);
  }

  /** Drives the checks against a running server: {@code BrowserWebSocketIT <base URL>}. */
  public static void main(String[] args) throws Exception {
    URI base = URI.create(args.length > 0 ? args[0] : "http://localhost:9080/");
    try (HeadlessChromium browser = HeadlessChromium.start(BrowserEchoIT.toneWav())) {
      runEchoCheck(base, browser);
      browser.resetToOneBlankTab();
      runToneCheck(base, browser);
      browser.resetToOneBlankTab();
      runBargeInCheck(base, browser);
    }
    System.out.println("WebSocket browser checks passed against " + base);
  }

  static void runEchoCheck(URI base, HeadlessChromium chromium) throws Exception {
    checking(
        chromium,
        "websocket-echo",
        () -> {
          startOverWebSocket(chromium, base, "echo");
          checkPageCodec(chromium);
          Thread.sleep(2500);
          Map<String, Object> tone = dominantFrequency(chromium);
          assertThat(number(tone, "frequency"))
              .as("echoed frequency, Hz")
              .isCloseTo(TONE_HZ, within(15.0));
          assertThat(number(tone, "level")).as("echoed RMS level").isGreaterThan(MIN_LEVEL);
          Map<String, Object> stats = socketStats(chromium);
          assertThat(number(stats, "mediaSent")).as("media messages sent").isGreaterThan(50);
          assertThat(number(stats, "secondsReceived")).as("audio received, s").isGreaterThan(1.5);
          // The stats plots over WebSocket: ping round trip and bitrate each second.
          @SuppressWarnings("unchecked")
          Map<String, Object> figures =
              (Map<String, Object>)
                  chromium.script(
                      "const s = window.fastrtcPage.stats; return s[s.length - 1] || null;");
          assertThat(figures).as("a second of statistics").isNotNull();
          assertThat(number(figures, "rttMs")).as("ping round trip, ms").isNotNegative();
          assertThat(number(figures, "inKbps")).as("inbound bitrate, kbit/s").isGreaterThan(10);
          assertThat(number(figures, "outKbps")).as("outbound bitrate, kbit/s").isGreaterThan(10);
          System.out.printf(
              "browser websocket echo: %.1f Hz at RMS %.3f; %s; last second %s%n",
              number(tone, "frequency"), number(tone, "level"), stats, figures);
          chromium.screenshot(BrowserEchoIT.SCREENSHOTS.resolve("websocket-echo.png"));
          stopStream(chromium);
        });
  }

  static void runToneCheck(URI base, HeadlessChromium chromium) throws Exception {
    checking(
        chromium,
        "websocket-tone",
        () -> {
          startOverWebSocket(chromium, base, "tone");
          Thread.sleep(2000);
          Map<String, Object> tone = dominantFrequency(chromium);
          assertThat(number(tone, "frequency"))
              .as("tone frequency, Hz")
              .isCloseTo(660, within(15.0));
          assertThat(number(tone, "level")).as("tone RMS level").isGreaterThan(MIN_LEVEL);
          assertThat(number(socketStats(chromium), "mediaSent"))
              .as("receive mode sends none")
              .isZero();
          System.out.printf(
              "browser websocket tone: %.1f Hz at RMS %.3f%n",
              number(tone, "frequency"), number(tone, "level"));
          stopStream(chromium);
        });
  }

  /**
   * The "barge-in" stream greets with a 3 s tone; the fake microphone's steady tone counts as the
   * caller talking over it, so the server flushes and sends {@code clear}, and the page drops its
   * queued playback.
   */
  static void runBargeInCheck(URI base, HeadlessChromium chromium) throws Exception {
    checking(
        chromium,
        "websocket-barge-in",
        () -> {
          startOverWebSocket(chromium, base, "barge-in");
          waitFor(
              chromium,
              "a clear event",
              Duration.ofSeconds(10),
              page -> number(socketStats(page), "clears") >= 1);
          waitFor(
              chromium,
              "the handler's \"interrupted\" log",
              Duration.ofSeconds(5),
              page ->
                  BrowserEchoIT.messages(page)
                      .contains("{\"type\":\"log\",\"data\":\"interrupted\"}"));
          Map<String, Object> stats = socketStats(chromium);
          assertThat(number(stats, "secondsReceived"))
              .as("audio received of the 3 s greeting, s")
              .isLessThan(2.0);
          System.out.printf("browser websocket barge-in: %s%n", stats);
          chromium.screenshot(BrowserEchoIT.SCREENSHOTS.resolve("websocket-barge-in.png"));
          stopStream(chromium);
        });
  }

  /** The page's µ-law module against G.711's values (as MuLawTest checks the server's). */
  static void checkPageCodec(HeadlessChromium chromium) {
    Map<String, Object> codec =
        chromium.awaitScript(
            "import('./js/websocket-client.js').then(m => ({"
                + "encoded: [0, 4, 124, 16252, 32767, -32768, -1].map(m.muLawEncode),"
                + "decoded: [0xFF, 0xEF, 0x8F, 0x80, 0x00].map(m.muLawDecode)}))");
    assertThat(codec).as("the page's codec").doesNotContainKey("error");
    assertThat(codec.get("encoded"))
        .asList()
        .map(n -> ((Number) n).intValue())
        .containsExactly(0xFF, 0xFE, 0xEF, 0x8F, 0x80, 0x00, 0x7F);
    assertThat(codec.get("decoded"))
        .asList()
        .map(n -> ((Number) n).intValue())
        .containsExactly(0, 132, 16764, 32124, -32124);
  }

  /** Opens the stream's page, selects the WebSocket transport, clicks Start. */
  static void startOverWebSocket(HeadlessChromium chromium, URI base, String stream) {
    BrowserEchoIT.openStreamPage(chromium, base, stream);
    BrowserEchoIT.rawMicrophone(chromium);
    chromium.driver().findElement(By.cssSelector("#transport input[value='websocket']")).click();
    chromium.driver().findElement(By.id("start")).click();
    waitFor(
        chromium,
        "state connected",
        Duration.ofSeconds(20),
        page -> {
          List<String> errors = errors(page);
          if (!errors.isEmpty()) {
            throw new AssertionError("the page shows errors: " + errors + ", state " + state(page));
          }
          return "connected".equals(state(page));
        });
    assertThat(chromium.script("return window.fastrtcPage.transport;")).isEqualTo("websocket");
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> socketStats(HeadlessChromium chromium) {
    Object stats = chromium.script("return window.fastrtcPage.socketStats();");
    assertThat(stats).as("WebSocket counters").isInstanceOf(Map.class);
    return (Map<String, Object>) stats;
  }
}
