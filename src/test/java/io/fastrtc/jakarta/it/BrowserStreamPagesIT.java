package io.fastrtc.jakarta.it;

import static io.fastrtc.jakarta.it.BrowserEchoIT.MIN_LEVEL;
import static io.fastrtc.jakarta.it.BrowserEchoIT.SCREENSHOTS;
import static io.fastrtc.jakarta.it.BrowserEchoIT.TARGET;
import static io.fastrtc.jakarta.it.BrowserEchoIT.TONE_HZ;
import static io.fastrtc.jakarta.it.BrowserEchoIT.checking;
import static io.fastrtc.jakarta.it.BrowserEchoIT.dominantFrequency;
import static io.fastrtc.jakarta.it.BrowserEchoIT.errors;
import static io.fastrtc.jakarta.it.BrowserEchoIT.messages;
import static io.fastrtc.jakarta.it.BrowserEchoIT.number;
import static io.fastrtc.jakarta.it.BrowserEchoIT.openStreamPage;
import static io.fastrtc.jakarta.it.BrowserEchoIT.startStream;
import static io.fastrtc.jakarta.it.BrowserEchoIT.state;
import static io.fastrtc.jakarta.it.BrowserEchoIT.stopStream;
import static io.fastrtc.jakarta.it.BrowserEchoIT.waitFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fastrtc.jakarta.it.streams.LimitedStream;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.DoublePredicate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WindowType;

/**
 * The bundled frontend in headless Chromium: the index lists every stream; every demo stream's
 * generated page carries media (audio frequency and level, decoded video frames), updates its live
 * statistics and level meters, shows outputs and reacts to its inputs; a second tab on a limit-1
 * stream is told the limit; a slow connection gets a hint; the README's client example and a
 * non-trickle client work; the pages meet basic accessibility checks. Screenshots of every page go
 * to {@code target/screenshots/page-<stream>.png}.
 *
 * <p>Two checks leave a connection the page cannot end: relay-only ICE never connects, so the
 * server holds it until its 30 s connect watchdog, and the README's example has no Stop, so its
 * connection ends when ICE fails after the browser quits. They run first and the long walk through
 * every page last, so those connections are gone before the undeploy, which would otherwise wait
 * out its 10 s stop drain for them.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserStreamPagesIT {

  /**
   * Every demo stream; a new one fails {@link #everyDemoStreamPageWorks} until checked here. They
   * run in name order in one browser, so send-only level-meter follows streams where the server
   * sent audio (a libwebrtc audio-device regression once left it deaf there).
   */
  static final Set<String> DEMO_STREAMS =
      Set.of(
          "assistant",
          "barge-in",
          "brightness",
          "echo",
          "flip",
          "grayscale",
          "level-meter",
          "mirror",
          "pattern",
          "talk-back",
          "threshold",
          "tone",
          "video-echo");

  static final String LIMITED = "limited";

  /** {@code -Dfastrtc.pages=echo,tone} checks only those pages (while working on them). */
  static final Optional<List<String>> ONLY =
      Optional.ofNullable(System.getProperty("fastrtc.pages")).map(s -> List.of(s.split(",")));

  /**
   * One browser for every check here (a start and quit cost seconds each), with the fake
   * microphone's 440 Hz tone and the four-colour camera; each check starts from one blank tab.
   */
  @RegisterExtension
  static final SharedChromium BROWSER =
      new SharedChromium(
          () -> HeadlessChromium.start(BrowserEchoIT.toneWav(), BrowserVideoIT.quadrantsY4m()));

  @ArquillianResource URL baseUrl;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ShrinkWrap.createFromZipFile(WebArchive.class, TARGET.resolve("fastrtc.war").toFile())
        .addClasses(LimitedStream.class, LimitedStream.class.getSuperclass())
        .addClass(LimitedStream.class.getPackageName() + ".Lifecycle");
  }

  @Test
  void indexListsEveryStreamAndLinksToItsPage() throws Exception {
    HeadlessChromium chromium = BROWSER.get();
    URI base = baseUrl.toURI();
    checking(
        chromium,
        "page-index",
        () -> {
          openIndex(chromium, base);
          List<String> linked =
              chromium.driver().findElements(By.cssSelector("a[data-stream]")).stream()
                  .map(a -> a.getText())
                  .toList();
          Set<String> expected = new TreeSet<>(DEMO_STREAMS);
          expected.add(LIMITED);
          assertThat(new TreeSet<>(linked)).as("streams on the index").isEqualTo(expected);
          assertThat(chromium.script("return window.fastrtcIndex.errors.length;")).isEqualTo(0L);
          assertAccessible(chromium);
          chromium.screenshot(SCREENSHOTS.resolve("page-index.png"));

          chromium.driver().findElement(By.cssSelector("a[data-stream='echo']")).click();
          waitFor(
              chromium,
              "the echo page",
              Duration.ofSeconds(10),
              page -> page.driver().findElement(By.id("start")).isEnabled());
          assertThat(chromium.driver().getCurrentUrl()).endsWith("stream.html?name=echo");
          assertThat(chromium.driver().findElement(By.id("title")).getText()).isEqualTo("echo");

          chromium.driver().get(base.resolve("stream.html?name=nope").toString());
          waitFor(
              chromium,
              "the unknown-stream error",
              Duration.ofSeconds(10),
              page -> !errors(page).isEmpty());
          assertThat(errors(chromium))
              .containsExactly("There is no stream named “nope”. Go back to all streams.");
          assertThat(chromium.driver().findElement(By.id("start")).isEnabled()).isFalse();
        });
  }

  @Test
  @Order(Integer.MAX_VALUE)
  void everyDemoStreamPageWorks() throws Exception {
    HeadlessChromium chromium = BROWSER.get();
    URI base = baseUrl.toURI();
    chromium.driver().manage().window().setSize(new Dimension(1100, 1650));
    openIndex(chromium, base);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> streams =
        (List<Map<String, Object>>) chromium.script("return window.fastrtcIndex.streams;");
    Set<String> deployed = new TreeSet<>();
    streams.forEach(s -> deployed.add((String) s.get("name")));
    deployed.remove(LIMITED);
    assertThat(deployed)
        .as("demo streams with a page check")
        .isEqualTo(new TreeSet<>(DEMO_STREAMS));
    List<String> report = new ArrayList<>();
    List<String> order = ONLY.orElse(DEMO_STREAMS.stream().sorted().toList());
    for (String name : order) {
      Map<String, Object> stream =
          streams.stream().filter(s -> name.equals(s.get("name"))).findFirst().orElseThrow();
      checking(chromium, "page-" + name, () -> report.add(checkPage(chromium, base, stream)));
    }
    report.forEach(line -> System.out.println("browser page " + line));
  }

  /**
   * Starts one stream's page and checks what a person would see: media, statistics, meters,
   * outputs, and the effect of inputs.
   */
  private static String checkPage(HeadlessChromium chromium, URI base, Map<String, Object> stream)
      throws Exception {
    String name = (String) stream.get("name");
    String modality = (String) stream.get("modality");
    String mode = (String) stream.get("mode");
    boolean audio = !modality.equals("video");
    boolean video = !modality.equals("audio");
    boolean sends = !mode.equals("receive");
    boolean receives = !mode.equals("send");
    StringBuilder seen = new StringBuilder(name).append(':');

    openStreamPage(chromium, base, name);
    BrowserEchoIT.rawMicrophone(chromium);
    BrowserEchoIT.clickStartAndAwaitConnected(chromium);
    assertThat(chromium.script("return window.fastrtcPage.rtcConfiguration;"))
        .as("the RTCConfiguration from the server")
        .isEqualTo(Map.of("iceServers", List.of()));

    // Live statistics: a few one-second samples, drawn and written out.
    waitFor(
        chromium,
        "three seconds of statistics",
        Duration.ofSeconds(10),
        page -> ((Number) page.script("return window.fastrtcPage.stats.length;")).intValue() >= 3);
    Map<String, Object> figures = lastFigures(chromium);
    assertThat(number(figures, "rttMs")).as("round-trip time, ms").isGreaterThanOrEqualTo(0);
    if (receives) {
      assertThat(number(figures, "inKbps")).as("inbound bitrate, kbit/s").isGreaterThan(0);
    }
    if (sends) {
      assertThat(number(figures, "outKbps")).as("outbound bitrate, kbit/s").isGreaterThan(0);
    }
    for (String plot : List.of("rtt", "bitrate")) {
      assertThat(chromium.driver().findElement(By.id(plot + "-value")).getText())
          .as(plot + " text")
          .doesNotContain("n/a");
    }
    assertThat(plotInk(chromium, "bitrate-plot"))
        .as("pixels drawn in the bitrate plot")
        .isGreaterThan(20);
    seen.append(
        String.format(
            " rtt %.1f ms, in %.0f kbit/s, out %.0f kbit/s;",
            number(figures, "rttMs"), number(figures, "inKbps"), number(figures, "outKbps")));

    // Media.
    if (audio && sends) {
      double local = awaitLevel(chromium, "local", db -> db > -50);
      seen.append(String.format(" microphone %.0f dBFS;", local));
    }
    if (audio
        && receives
        && !name.equals("barge-in")
        && !name.equals("talk-back")
        && !name.equals("assistant")) {
      double remote = awaitLevel(chromium, "remote", db -> db > -50);
      Map<String, Object> tone = dominantFrequency(chromium);
      assertThat(number(tone, "level")).as("remote RMS level").isGreaterThan(MIN_LEVEL);
      double expectedHz = name.equals("tone") ? 660 : TONE_HZ;
      assertThat(number(tone, "frequency"))
          .as("remote frequency, Hz")
          .isCloseTo(expectedHz, within(15.0));
      seen.append(
          String.format(" remote %.0f dBFS at %.1f Hz;", remote, number(tone, "frequency")));
    }
    if (video && receives) {
      waitFor(
          chromium,
          "30 decoded frames",
          Duration.ofSeconds(15),
          page -> {
            Map<String, Object> v = page.awaitScript("window.fastrtcPage.inboundVideoStats()");
            return v != null && ((Number) v.get("framesDecoded")).intValue() > 30;
          });
      Map<String, Object> v = chromium.awaitScript("window.fastrtcPage.inboundVideoStats()");
      seen.append(
          String.format(
              " video %sx%s, %s frames;",
              v.get("frameWidth"), v.get("frameHeight"), v.get("framesDecoded")));
    }
    if (video && sends) {
      assertThat(chromium.script("return document.getElementById('local-video').videoWidth;"))
          .as("camera preview width")
          .isEqualTo(640L);
    }

    // Outputs and inputs.
    @SuppressWarnings("unchecked")
    List<Object> outputs = (List<Object>) stream.get("outputs");
    // The assistant publishes outputs only after a spoken turn (the page's fake microphone plays
    // a tone, no speech): its page is checked for media and inputs here, not for outputs.
    if (!outputs.isEmpty() && !name.equals("assistant")) {
      double first = awaitOutput(chromium, value -> true);
      String shown =
          chromium.driver().findElement(By.cssSelector("#outputs [data-output='0']")).getText();
      assertThat(shown).as("the outputs panel").isNotEmpty();
      seen.append(" output ").append(first).append(';');
    }
    switch (name) {
      case "tone" -> {
        assertThat(chromium.awaitScript("window.fastrtcPage.setInput('frequency', 880)"))
            .containsEntry("ok", true);
        Thread.sleep(700);
        assertThat(number(dominantFrequency(chromium), "frequency"))
            .as("after the frequency slider moved to 880")
            .isCloseTo(880, within(15.0));
        seen.append(" frequency input 660 -> 880 Hz;");
      }
      case "threshold" -> {
        setInput(chromium, "threshold", 0);
        double loud = awaitOutput(chromium, share -> share > 0.5);
        setInput(chromium, "threshold", 1);
        double none = awaitOutput(chromium, share -> share == 0.0);
        seen.append(String.format(" share at threshold 0: %.3f, at 1: %.3f;", loud, none));
      }
      case "brightness" -> {
        setInput(chromium, "threshold", 0.5);
        double half = awaitOutput(chromium, share -> share > 0.4 && share < 0.6);
        setInput(chromium, "threshold", 0.9);
        double quarter = awaitOutput(chromium, share -> share > 0.15 && share < 0.35);
        seen.append(String.format(" share at 0.5: %.3f, at 0.9: %.3f;", half, quarter));
      }
      case "barge-in" -> {
        waitFor(
            chromium,
            "the handler's \"interrupted\" log",
            Duration.ofSeconds(10),
            page -> messages(page).contains("{\"type\":\"log\",\"data\":\"interrupted\"}"));
        seen.append(" interrupted by the microphone;");
      }
      case "talk-back" -> {
        // The stream listens with Silero, which does not take the steady test tone for speech:
        // the greeting plays out and the Turns panel shows it (BrowserVoiceIT speaks to this page).
        waitFor(
            chromium,
            "playback_ended in the Turns panel",
            Duration.ofSeconds(10),
            page ->
                !page.driver()
                    .findElements(By.cssSelector("#turns [data-event='playback_ended']"))
                    .isEmpty());
        seen.append(" turns panel shows the greeting's playback_ended;");
      }
      default -> {
        // no inputs
      }
    }
    chromium.screenshot(SCREENSHOTS.resolve("page-" + name + ".png"));
    stopStream(chromium);
    return seen.toString();
  }

  @Test
  void aSecondTabIsToldTheConcurrencyLimit() throws Exception {
    HeadlessChromium chromium = BROWSER.get();
    URI base = baseUrl.toURI();
    checking(
        chromium,
        "page-limit",
        () -> {
          startStream(chromium, base, LIMITED);
          String first = chromium.driver().getWindowHandle();
          chromium.driver().switchTo().newWindow(WindowType.TAB);
          openStreamPage(chromium, base, LIMITED);
          chromium.driver().findElement(By.id("start")).click();
          waitFor(
              chromium, "the limit error", Duration.ofSeconds(10), page -> !errors(page).isEmpty());
          assertThat(chromium.driver().findElement(By.id("error")).getText())
              .isEqualTo("concurrency limit reached (limit 1)");
          assertThat(chromium.driver().findElement(By.id("start")).isEnabled())
              .as("Start again after the refusal")
              .isTrue();
          chromium.screenshot(SCREENSHOTS.resolve("page-limit.png"));
          String second = chromium.driver().getWindowHandle();

          chromium.driver().switchTo().window(first);
          assertThat(state(chromium)).as("the first tab").isEqualTo("connected");
          stopStream(chromium);
          chromium.driver().switchTo().window(second);
          // The freed slot is usable at once.
          chromium.driver().findElement(By.id("start")).click();
          waitFor(
              chromium,
              "the second tab connected",
              Duration.ofSeconds(15),
              page -> "connected".equals(state(page)));
          stopStream(chromium);
        });
  }

  @Test
  @Order(1)
  void aSlowConnectionGetsAHint() throws Exception {
    HeadlessChromium chromium = BROWSER.get();
    URI base = baseUrl.toURI();
    checking(
        chromium,
        "page-slow",
        () -> {
          openStreamPage(chromium, base, "echo");
          // Relay-only without a TURN server: ICE can never connect, as behind a strict NAT.
          chromium.script(
              "window.fastrtcPage.rtcConfigurationOverride ="
                  + " {iceServers: [], iceTransportPolicy: 'relay'};");
          chromium.driver().findElement(By.id("start")).click();
          waitFor(
              chromium,
              "the slow-connection hint",
              Duration.ofSeconds(10),
              page -> !page.driver().findElement(By.id("hint")).getText().isEmpty());
          assertThat(chromium.driver().findElement(By.id("hint")).getText())
              .startsWith("Taking a while to connect.")
              .contains("TURN")
              .endsWith("Or try the WebSocket transport.");
          assertThat(state(chromium)).isNotEqualTo("connected");
          chromium.screenshot(SCREENSHOTS.resolve("page-slow.png"));
          stopStream(chromium);
          assertThat(chromium.driver().findElement(By.id("hint")).getText()).isEmpty();
        });
  }

  @Test
  @Order(2)
  void theReadmeClientExampleAndANonTrickleClientWork() throws Exception {
    HeadlessChromium chromium = BROWSER.get();
    URI base = baseUrl.toURI();
    checking(
        chromium,
        "example-client",
        () -> {
          chromium.driver().get(base.resolve("examples/client.html").toString());
          chromium.driver().findElement(By.id("start")).click();
          waitFor(
              chromium,
              "inputs applied, an output and the handshake answer in the log",
              Duration.ofSeconds(15),
              page -> {
                String log = page.driver().findElement(By.id("log")).getText();
                return log.contains("inputs applied")
                    && log.contains("output ")
                    && log.contains("Server received: handshake");
              });
          Map<String, Object> tone =
              chromium.awaitScript(
                  "(async () => {"
                      + " const audio = document.getElementById('audio');"
                      + " const context = new AudioContext();"
                      + " const analyser = context.createAnalyser();"
                      + " analyser.fftSize = 16384;"
                      + " context.createMediaStreamSource(audio.srcObject).connect(analyser);"
                      + " await context.resume();"
                      + " await new Promise(r => setTimeout(r, 800));"
                      + " const db = new Float32Array(analyser.frequencyBinCount);"
                      + " analyser.getFloatFrequencyData(db);"
                      + " let peak = 20;"
                      + " for (let i = 20; i < db.length; i++) if (db[i] > db[peak]) peak = i;"
                      + " return {frequency: peak * context.sampleRate / analyser.fftSize};"
                      + "})()");
          assertThat(number(tone, "frequency"))
              .as("the example's echoed tone, Hz")
              .isCloseTo(TONE_HZ, within(10.0));
          System.out.println(
              "browser example client: "
                  + chromium.driver().findElement(By.id("log")).getText().lines().limit(4).toList()
                  + ", tone "
                  + tone.get("frequency"));

          Map<String, Object> once =
              chromium.awaitScript(
                  "(async () => {"
                      + " const {FastRtcClient} = await import('../js/fastrtc-client.js');"
                      + " const client = new FastRtcClient('../streams/echo', {trickle: false});"
                      + " const connected = new Promise(resolve => client.addEventListener("
                      + "   'statechange', e => { if (e.detail.state === 'connected') resolve(); }));"
                      + " const mic = await navigator.mediaDevices.getUserMedia({audio: true});"
                      + " await client.connect({stream: mic});"
                      + " await connected;"
                      + " const posts = performance.getEntriesByType('resource')"
                      + "   .filter(e => e.name.endsWith('/streams/echo/webrtc/offer')).length;"
                      + " const sdp = client.pc.localDescription.sdp;"
                      + " client.close();"
                      + " return {posts, candidates: sdp.split('a=candidate:').length - 1};"
                      + "})()");
          assertThat(once).doesNotContainKey("error");
          assertThat(number(once, "posts")).as("POSTs to the echo offer URL").isEqualTo(1);
          assertThat(number(once, "candidates")).as("candidates in the one offer").isPositive();
        });
  }

  @Test
  void pagesMeetAccessibilityBasics() throws Exception {
    HeadlessChromium chromium = BROWSER.get();
    URI base = baseUrl.toURI();
    checking(
        chromium,
        "page-accessibility",
        () -> {
          openStreamPage(chromium, base, "threshold");
          assertAccessible(chromium);
          // Keyboard only: focus Start and press Enter; Stop takes the focus.
          chromium.script("document.getElementById('start').focus();");
          chromium.driver().switchTo().activeElement().sendKeys(Keys.ENTER);
          waitFor(
              chromium,
              "connected from the keyboard",
              Duration.ofSeconds(15),
              page -> "connected".equals(state(page)));
          assertThat(chromium.script("return document.activeElement.id;")).isEqualTo("stop");
          // The slider answers the arrow keys and the server applies the new value.
          chromium.script("document.getElementById('input-threshold').focus();");
          chromium.driver().switchTo().activeElement().sendKeys(Keys.ARROW_RIGHT);
          waitFor(
              chromium,
              "the input applied from the keyboard",
              Duration.ofSeconds(5),
              page ->
                  Boolean.TRUE.equals(
                      page.script(
                          "const a = window.fastrtcPage.lastInputAnswer;"
                              + " return a !== null && a.ok"
                              + " && document.getElementById('input-threshold').value === '0.31';")));
          chromium.script("document.getElementById('stop').focus();");
          chromium.driver().switchTo().activeElement().sendKeys(Keys.ENTER);
          waitFor(chromium, "closed", Duration.ofSeconds(5), page -> "closed".equals(state(page)));
        });
  }

  /**
   * Every visible control has a label and every text passes WCAG AA contrast (4.5:1) against its
   * background.
   */
  @SuppressWarnings("unchecked")
  static void assertAccessible(HeadlessChromium chromium) {
    List<String> unlabelled =
        (List<String>)
            chromium.script(
                "return [...document.querySelectorAll('input, select, button, meter, canvas,"
                    + " video, audio, textarea')]"
                    + ".filter(e => e.offsetParent !== null)"
                    + ".filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label')"
                    + "  && !e.getAttribute('aria-labelledby') && !e.textContent.trim())"
                    + ".map(e => e.id || e.outerHTML.slice(0, 80));");
    assertThat(unlabelled).as("controls without a label").isEmpty();
    List<String> lowContrast =
        (List<String>)
            chromium.script(
                "const rgb = c => (c.match(/[\\d.]+/g) || []).map(Number);"
                    + "const lum = ([r, g, b]) => { const f = v => { v /= 255;"
                    + "  return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };"
                    + "  return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };"
                    + "const background = e => { for (; e; e = e.parentElement) {"
                    + "  const c = rgb(getComputedStyle(e).backgroundColor);"
                    + "  if (c.length === 3 || c[3] > 0) return c; } return [255, 255, 255]; };"
                    + "return [...document.querySelectorAll('body *')]"
                    + ".filter(e => e.offsetParent !== null && !e.disabled"
                    + "  && [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()))"
                    + ".map(e => { const a = lum(rgb(getComputedStyle(e).color));"
                    + "  const b = lum(background(e));"
                    + "  const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);"
                    + "  return ratio < 4.5 ? `${e.tagName}#${e.id} ${ratio.toFixed(2)}` : null; })"
                    + ".filter(Boolean);");
    assertThat(lowContrast).as("text below 4.5:1 contrast").isEmpty();
  }

  /** Loads the index page and waits until its stream list has loaded. */
  static void openIndex(HeadlessChromium chromium, URI base) {
    chromium.open(base.toString());
    waitFor(
        chromium,
        "the stream list",
        Duration.ofSeconds(15),
        page -> Boolean.TRUE.equals(page.script("return window.fastrtcIndex.loaded;")));
  }

  private static void setInput(HeadlessChromium chromium, String name, double value) {
    assertThat(chromium.awaitScript("window.fastrtcPage.setInput('" + name + "', " + value + ")"))
        .as("input " + name + " = " + value)
        .containsEntry("ok", true);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> lastFigures(HeadlessChromium chromium) {
    return (Map<String, Object>)
        chromium.script("const s = window.fastrtcPage.stats; return s[s.length - 1];");
  }

  /** Non-transparent pixels on a canvas. */
  private static long plotInk(HeadlessChromium chromium, String id) {
    return ((Number)
            chromium.script(
                "const c = document.getElementById(arguments[0]);"
                    + " const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                    + " let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;"
                    + " return n;",
                id))
        .longValue();
  }

  /** Waits for a meter's level (dBFS) to match and returns it. */
  private static double awaitLevel(
      HeadlessChromium chromium, String which, DoublePredicate wanted) {
    double[] last = {Double.NaN};
    waitFor(
        chromium,
        "the " + which + " level meter",
        Duration.ofSeconds(10),
        page -> {
          Object db = page.script("return window.fastrtcPage.levels()[arguments[0]];", which);
          if (!(db instanceof Number n)) {
            return false;
          }
          last[0] = n.doubleValue();
          return wanted.test(last[0]);
        });
    return last[0];
  }

  /** Waits for an output whose first value is a number that matches, and returns it. */
  static double awaitOutput(HeadlessChromium chromium, DoublePredicate wanted) {
    double[] last = {Double.NaN};
    waitFor(
        chromium,
        "an output matching",
        Duration.ofSeconds(10),
        page -> {
          @SuppressWarnings("unchecked")
          List<Object> values =
              (List<Object>)
                  page.script(
                      "const o = window.fastrtcPage.outputs;"
                          + " return o.length ? o[o.length - 1].values : null;");
          if (values == null || values.isEmpty() || !(values.get(0) instanceof Number n)) {
            return false;
          }
          last[0] = n.doubleValue();
          return wanted.test(last[0]);
        });
    return last[0];
  }
}
