package io.fastrtc.jakarta.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.openqa.selenium.By;

/**
 * The bundled pages of an application, checked in headless Chromium as a user would use them: the
 * stream list loads and lists exactly the expected streams, its link opens the stream's page, Start
 * connects, and the fake microphone's 440 Hz tone comes back through the stream (an echo).
 */
final class BundledPageCheck {
  private BundledPageCheck() {}

  /**
   * @param pages the folder of the bundled pages, e.g. {@code http://host:port/app/fastrtc/}
   * @param streams the streams the list must show
   * @param echo the echo stream to open and stream through
   * @return the frequency that came back, Hz
   */
  static double listAndEcho(URI pages, Set<String> streams, String echo) throws Exception {
    try (HeadlessChromium chromium = HeadlessChromium.start(BrowserEchoIT.toneWav())) {
      double[] hz = new double[1];
      BrowserEchoIT.checking(
          chromium,
          "bundled-" + echo,
          () -> {
            chromium.open(pages.toString());
            BrowserEchoIT.waitFor(
                chromium,
                "the stream list at " + pages,
                Duration.ofSeconds(15),
                page -> Boolean.TRUE.equals(page.script("return window.fastrtcIndex.loaded;")));
            assertThat(chromium.script("return window.fastrtcIndex.errors;")).isEqualTo(List.of());
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> listed =
                (List<Map<String, Object>>) chromium.script("return window.fastrtcIndex.streams;");
            Set<String> names = new TreeSet<>();
            listed.forEach(s -> names.add((String) s.get("name")));
            assertThat(names).as("streams on " + pages).isEqualTo(new TreeSet<>(streams));

            chromium.driver().findElement(By.cssSelector("a[data-stream='" + echo + "']")).click();
            BrowserEchoIT.waitFor(
                chromium,
                "the page of " + echo,
                Duration.ofSeconds(15),
                page -> page.driver().findElement(By.id("start")).isEnabled());
            assertThat(chromium.driver().getCurrentUrl())
                .isEqualTo(pages + "stream.html?name=" + echo);
            BrowserEchoIT.rawMicrophone(chromium);
            BrowserEchoIT.clickStartAndAwaitConnected(chromium);
            Thread.sleep(2500);
            Map<String, Object> tone = BrowserEchoIT.dominantFrequency(chromium);
            hz[0] = BrowserEchoIT.number(tone, "frequency");
            assertThat(hz[0]).as("echoed frequency, Hz").isCloseTo(440.0, within(15.0));
            assertThat(BrowserEchoIT.number(tone, "level"))
                .as("echoed RMS level")
                .isGreaterThan(BrowserEchoIT.MIN_LEVEL);
            System.out.printf(
                "bundled page %s: stream %s echoed %.1f Hz at RMS %.3f%n",
                pages, echo, hz[0], BrowserEchoIT.number(tone, "level"));
            BrowserEchoIT.stopStream(chromium);
          });
      return hz[0];
    }
  }
}
