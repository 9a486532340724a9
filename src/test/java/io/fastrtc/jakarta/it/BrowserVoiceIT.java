package io.fastrtc.jakarta.it;

import static io.fastrtc.jakarta.it.BrowserEchoIT.SCREENSHOTS;
import static io.fastrtc.jakarta.it.BrowserEchoIT.checking;
import static io.fastrtc.jakarta.it.BrowserEchoIT.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import io.fastrtc.jakarta.testing.Audio;
import io.fastrtc.jakarta.testing.Speech;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The talk-back demo's page in headless Chromium with a fake microphone that says a sentence
 * (flite), then is silent for six seconds, in a loop: the Turns panel shows the turn events in
 * order and the reply is heard (the page's remote level meter).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BrowserVoiceIT {
  @ArquillianResource URL baseUrl;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ItSupport.warWithTestStreams();
  }

  @Test
  void theTalkBackPageShowsTheTurnEventsAndPlaysTheReply() throws Exception {
    HeadlessChromium.requireBinaries();
    Path wav = speechWav();
    URI base = baseUrl.toURI();
    try (HeadlessChromium chromium = HeadlessChromium.start(wav)) {
      checking(
          chromium,
          "page-talk-back-voice",
          () -> {
            BrowserEchoIT.startStream(chromium, base, "talk-back");
            waitFor(
                chromium,
                "a whole turn in the Turns panel",
                Duration.ofSeconds(30),
                page -> hasTurn(events(page)));
            double[] loudest = {-200};
            waitFor(
                chromium,
                "the reply on the remote level meter",
                Duration.ofSeconds(15),
                page -> {
                  Object db = page.script("return window.fastrtcPage.levels().remote;");
                  if (db instanceof Number n) {
                    loudest[0] = Math.max(loudest[0], n.doubleValue());
                  }
                  return loudest[0] > -45;
                });
            String state = chromium.driver().findElement(By.id("turn-state")).getText();
            chromium.screenshot(SCREENSHOTS.resolve("page-talk-back-turns.png"));
            System.out.printf(
                "browser talk-back: turns %s; reply heard at %.0f dBFS; state \"%s\"%n",
                events(chromium), loudest[0], state);
            assertThat(state).isNotEmpty();
            BrowserEchoIT.stopStream(chromium);
          });
    }
  }

  /** Whether the events hold started_talking, pause_detected, response_starting, playback_ended. */
  static boolean hasTurn(List<String> events) {
    List<String> wanted =
        List.of("started_talking", "pause_detected", "response_starting", "playback_ended");
    int next = 0;
    for (String e : events) {
      if (next < wanted.size() && e.equals(wanted.get(next))) {
        next++;
      }
    }
    return next == wanted.size();
  }

  private static List<String> events(HeadlessChromium chromium) {
    List<String> events = new ArrayList<>();
    for (WebElement item : chromium.driver().findElements(By.cssSelector("#turns li"))) {
      events.add(item.getAttribute("data-event"));
    }
    return events;
  }

  /** A sentence, then six seconds of silence, 48 kHz mono (Chromium loops it). */
  private static Path speechWav() throws Exception {
    short[] speech =
        Speech.say("Please tell me what the weather will be like tomorrow morning", 48_000);
    short[] padded = new short[speech.length + 6 * 48_000];
    System.arraycopy(speech, 0, padded, 0, speech.length);
    Path file = BrowserEchoIT.TARGET.resolve("browser").resolve("speech.wav");
    Files.createDirectories(file.getParent());
    Audio.writeWav(file, padded, 48_000);
    return file;
  }
}
