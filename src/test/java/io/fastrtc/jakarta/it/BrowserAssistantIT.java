package io.fastrtc.jakarta.it;

import static io.fastrtc.jakarta.it.BrowserEchoIT.SCREENSHOTS;
import static io.fastrtc.jakarta.it.BrowserEchoIT.checking;
import static io.fastrtc.jakarta.it.BrowserEchoIT.messages;
import static io.fastrtc.jakarta.it.BrowserEchoIT.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import io.fastrtc.jakarta.testing.Audio;
import io.fastrtc.jakarta.testing.SpeechSynth;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
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
 * The local voice assistant's page in headless Chromium, with a fake microphone that says
 * "computer, what time is it" (flite, voice slt, made at test time): the page's outputs show the
 * transcript and the answer with the current hour, and the answer is played (the page's remote
 * level meter, WebAudio, rises while it plays). The figures are printed.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BrowserAssistantIT {
  private static final int RATE = 48_000;

  /**
   * Silence before the question: the fake microphone starts with the page's getUserMedia, before
   * the connection is up (about 1 s here), and whatever it plays before then is lost.
   */
  private static final double LEAD_SECONDS = 3;

  /** Silence after it: the fake microphone loops the file, and the answer must play out first. */
  private static final double TAIL_SECONDS = 16;

  /** The remote level (dBFS, the meter's floor is -60) that counts as the answer being heard. */
  private static final double HEARD_DB = -45;

  @ArquillianResource URL baseUrl;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ItSupport.warWithTestStreams();
  }

  @Test
  void theAssistantPageShowsTheSpokenQuestionAndTheHourAndPlaysTheAnswer() throws Exception {
    HeadlessChromium.requireBinaries();
    SpeechSynth.requireTools();
    short[] question = AssistantIT.upsample3(SpeechSynth.say("computer, what time is it", "slt"));
    double questionSeconds = question.length / (double) RATE;
    Path wav = questionWav(question);
    URI base = baseUrl.toURI();
    String hourBefore = AssistantIT.HOURS.get(LocalTime.now().getHour() % 12);
    try (HeadlessChromium chromium = HeadlessChromium.start(wav)) {
      checking(
          chromium,
          "page-assistant-voice",
          () -> {
            BrowserEchoIT.openStreamPage(chromium, base, "assistant");
            BrowserEchoIT.rawMicrophone(chromium);
            long start = System.nanoTime();
            BrowserEchoIT.clickStartAndAwaitConnected(chromium);
            long connected = System.nanoTime();

            double[] beforeAnswer = {-200};
            waitFor(
                chromium,
                "an answer in the outputs panel",
                Duration.ofSeconds(25),
                page -> {
                  beforeAnswer[0] = Math.max(beforeAnswer[0], remoteDb(page));
                  return answers(page).stream().anyMatch(a -> !a.isBlank());
                });
            long answered = System.nanoTime();

            double[] loudest = {-200};
            long[] heard = {0};
            waitFor(
                chromium,
                "the answer played out (playback_ended after response_starting)",
                Duration.ofSeconds(15),
                page -> {
                  double db = remoteDb(page);
                  if (db > HEARD_DB && heard[0] == 0) {
                    heard[0] = System.nanoTime();
                  }
                  loudest[0] = Math.max(loudest[0], db);
                  List<String> events = turnEvents(page);
                  int responding = events.lastIndexOf("response_starting");
                  return responding >= 0 && events.lastIndexOf("playback_ended") > responding;
                });
            long played = System.nanoTime();

            List<String> transcripts = transcripts(chromium);
            List<String> answers = answers(chromium);
            String hourAfter = AssistantIT.HOURS.get(LocalTime.now().getHour() % 12);
            chromium.screenshot(SCREENSHOTS.resolve("page-assistant-voice.png"));
            System.out.printf(
                "browser assistant: connected %.1f s after Start; answer shown %.1f s after"
                    + " Start, at most %.1f s after the end of the question (%.1f s into the fake"
                    + " microphone's file, which starts with getUserMedia, after Start); answer"
                    + " audible (> %.0f dBFS) %.0f ms after it was shown, loudest %.0f dBFS"
                    + " (before the answer: %.0f dBFS); played out %.1f s after it was shown;"
                    + " transcript %s; answer %s; turns %s%n",
                (connected - start) / 1e9,
                (answered - start) / 1e9,
                (answered - start) / 1e9 - LEAD_SECONDS - questionSeconds,
                LEAD_SECONDS + questionSeconds,
                HEARD_DB,
                heard[0] == 0 ? Double.NaN : (heard[0] - answered) / 1e6,
                loudest[0],
                beforeAnswer[0],
                (played - answered) / 1e9,
                transcripts,
                answers,
                chromium.driver().findElements(By.cssSelector("#turns li")).stream()
                    .map(WebElement::getText)
                    .toList());

            assertThat(transcripts).as("the transcript shown").anyMatch(t -> t.contains("time"));
            String answer = answers.stream().filter(a -> !a.isBlank()).findFirst().orElseThrow();
            assertThat(
                    Arrays.asList(
                        answer.toLowerCase(Locale.ROOT).replaceAll("[.,]", "").split(" ")))
                .as("the answer shown (%s) holds the hour", answer)
                .containsAnyOf(hourBefore, hourAfter);
            assertThat(messages(chromium))
                .as("data-channel messages")
                .contains("{\"type\":\"stopword\",\"data\":\"\"}");
            assertThat(loudest[0])
                .as("the answer's level at the page, dBFS")
                .isGreaterThan(HEARD_DB);
            assertThat(beforeAnswer[0])
                .as("the remote level before the answer, dBFS")
                .isLessThan(HEARD_DB);
            BrowserEchoIT.stopStream(chromium);
          });
    }
  }

  /** The page's remote level meter, dBFS, or -200 before it measures. */
  private static double remoteDb(HeadlessChromium page) {
    Object db = page.script("return window.fastrtcPage.levels().remote;");
    return db instanceof Number n ? n.doubleValue() : -200;
  }

  /** The "You said" lines of the outputs panel (the stream's first output). */
  private static List<String> transcripts(HeadlessChromium page) {
    return lines(page, 0);
  }

  /** The "Answer" lines of the outputs panel (the stream's second output). */
  private static List<String> answers(HeadlessChromium page) {
    return lines(page, 1);
  }

  private static List<String> lines(HeadlessChromium page, int output) {
    return page
        .driver()
        .findElements(By.cssSelector("#outputs [data-output='" + output + "'] li"))
        .stream()
        .map(WebElement::getText)
        .toList();
  }

  private static List<String> turnEvents(HeadlessChromium page) {
    return page.driver().findElements(By.cssSelector("#turns li")).stream()
        .map(item -> item.getAttribute("data-event"))
        .toList();
  }

  /** Silence, the question, a long silence; 48 kHz mono (Chromium loops the file). */
  private static Path questionWav(short[] question) throws Exception {
    int lead = (int) (LEAD_SECONDS * RATE);
    short[] padded = new short[lead + question.length + (int) (TAIL_SECONDS * RATE)];
    System.arraycopy(question, 0, padded, lead, question.length);
    Path file = BrowserEchoIT.TARGET.resolve("browser").resolve("assistant-question.wav");
    Files.createDirectories(file.getParent());
    Audio.writeWav(file, padded, RATE);
    return file;
  }
}
