package io.fastrtc.jakarta.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fastrtc.jakarta.testing.Deployments;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * The bundled page's inputs and outputs in headless Chromium: the generated controls change a live
 * stream (tone frequency, measured on the audio the browser plays) and the outputs panel shows what
 * the server's SSE stream delivers (the threshold demo's share of loud samples).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BrowserInputsOutputsIT {
  /** One browser for both checks, with the fake microphone's 440 Hz tone; each from a blank tab. */
  @RegisterExtension
  static final SharedChromium BROWSER =
      new SharedChromium(() -> HeadlessChromium.start(BrowserEchoIT.toneWav()));

  @ArquillianResource URL baseUrl;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @Test
  void theFrequencySliderChangesTheToneThePageHears() throws Exception {
    HeadlessChromium chromium = BROWSER.get();
    URI base = baseUrl.toURI();
    BrowserEchoIT.checking(
        chromium,
        "inputs-tone",
        () -> {
          BrowserEchoIT.startStream(chromium, base, "tone");
          assertThat(chromium.driver().findElements(By.cssSelector("#inputs input[type=range]")))
              .as("generated sliders")
              .hasSize(2);
          Thread.sleep(1500);
          assertThat(number(BrowserEchoIT.dominantFrequency(chromium), "frequency"))
              .isCloseTo(660, within(15.0));

          Map<String, Object> answer =
              chromium.awaitScript("window.fastrtcPage.setInput('frequency', 880)");
          assertThat(answer).containsEntry("ok", true);
          Thread.sleep(1500);
          Map<String, Object> tone = BrowserEchoIT.dominantFrequency(chromium);
          assertThat(number(tone, "frequency"))
              .as("frequency after the slider moved")
              .isCloseTo(880, within(15.0));
          System.out.printf("browser: tone slider 660 -> %.1f Hz%n", number(tone, "frequency"));
          chromium.screenshot(BrowserEchoIT.SCREENSHOTS.resolve("inputs-tone.png"));
          BrowserEchoIT.stopStream(chromium);
        });
  }

  @Test
  void theThresholdSliderDrivesTheOutputsThePageShows() throws Exception {
    HeadlessChromium chromium = BROWSER.get();
    URI base = baseUrl.toURI();
    BrowserEchoIT.checking(
        chromium,
        "inputs-threshold",
        () -> {
          BrowserEchoIT.startStream(chromium, base, "threshold");
          BrowserEchoIT.waitFor(
              chromium,
              "the outputs stream",
              Duration.ofSeconds(10),
              page -> Boolean.TRUE.equals(page.script("return window.fastrtcPage.outputsOpen;")));

          assertThat(chromium.awaitScript("window.fastrtcPage.setInput('threshold', 0)"))
              .containsEntry("ok", true);
          double loud = BrowserStreamPagesIT.awaitOutput(chromium, share -> share > 0.5);
          assertThat(chromium.awaitScript("window.fastrtcPage.setInput('threshold', 1)"))
              .containsEntry("ok", true);
          double none = BrowserStreamPagesIT.awaitOutput(chromium, share -> share == 0.0);
          String shown =
              chromium.driver().findElement(By.cssSelector("#outputs [data-output='0']")).getText();
          assertThat(shown).as("the outputs panel").isEqualTo("0");
          System.out.printf(
              "browser: share above threshold 0 = %.3f, above 1 = %.3f%n", loud, none);
          chromium.screenshot(BrowserEchoIT.SCREENSHOTS.resolve("inputs-threshold.png"));
          BrowserEchoIT.stopStream(chromium);
        });
  }

  private static double number(Map<String, Object> values, String key) {
    return BrowserEchoIT.number(values, key);
  }
}
