package io.fastrtc.jakarta.it;

import static io.fastrtc.jakarta.testing.VoiceAgentChecks.sleep;
import static io.fastrtc.jakarta.testing.VoiceAgentChecks.when;
import static org.assertj.core.api.Assertions.assertThat;

import io.fastrtc.jakarta.api.AudioFrame;
import io.fastrtc.jakarta.handlers.speech.vosk.VoskSpeechToText;
import io.fastrtc.jakarta.testing.ClientPeer;
import io.fastrtc.jakarta.testing.SpeechSynth;
import io.fastrtc.jakarta.testing.SseReader;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The local voice assistant on Liberty, end to end: a webrtc-java client says "computer, what time
 * is it" (flite, voice slt) to the demo stream {@code assistant}; it gets the {@code stopword}
 * event, then spoken reply audio, which the test transcribes with Vosk and finds the current hour
 * in; the outputs (SSE) carry the transcript and the answer. The figures are printed.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AssistantIT {
  private static final int RATE = 48_000;
  private static final Duration WAIT = Duration.ofSeconds(30);

  /** The hours as {@code LocalIntents} words them, by {@code hour % 12}. */
  static final List<String> HOURS =
      List.of(
          "twelve", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
          "eleven");

  /**
   * Words a recognizer cannot tell from an hour's number by sound alone ("it is four" and "it is
   * for" sound the same): read as that number, so the check does not depend on the hour it runs.
   * FreeTTS's "eight" once read back as "a" ("it is a to i'm in the morning" at 08:10).
   */
  private static final Map<String, String> HOMOPHONES =
      Map.of(
          "for", "four", "fore", "four", "to", "two", "too", "two", "ate", "eight", "a", "eight",
          "won", "one");

  @ArquillianResource URL base;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ItSupport.warWithTestStreams();
  }

  @Test
  void theSpokenQuestionGetsTheStopwordThenTheSpokenHourAndBothOutputs() throws Exception {
    SpeechSynth.requireTools();
    short[] question = upsample3(SpeechSynth.say("computer, what time is it", "slt"));
    String hourBefore = HOURS.get(LocalTime.now().getHour() % 12);
    try (VoiceClient client = VoiceClient.open(base, "assistant")) {
      ClientPeer peer = client.peer;
      SseReader outputs = client.outputs;
      sleep(500);

      long sent = System.nanoTime();
      peer.sendAudio(question);
      long speechEnd = sent + question.length * 1_000_000_000L / RATE;
      long stopword =
          when(
              () -> peer.messages().stream().anyMatch(m -> m.contains("\"stopword\"")),
              "stopword",
              WAIT);
      long reply = when(() -> client.level(20) > 300, "the reply's audio", WAIT);
      when(() -> client.level(700) < 30, "the end of the reply", WAIT);
      long replyEnd = System.nanoTime();
      short[] heard = peer.receivedAudio(Duration.ofNanos(replyEnd - reply + 300_000_000L));

      List<SseReader.Event> events = outputs.next("output", 1, WAIT);
      String data = events.get(0).data();

      String replyText;
      try (VoskSpeechToText vosk =
          VoskSpeechToText.load(Path.of("target", "vosk", "model-en-us"))) {
        replyText = vosk.transcribe(AudioFrame.mono(16_000, downsample3(heard)));
      }
      String hourAfter = HOURS.get(LocalTime.now().getHour() % 12);
      System.out.printf(
          "assistant (Liberty, WebRTC): stopword %.0f ms and first reply audio %.0f ms after the"
              + " end of speech; outputs %s; the reply audio (%.1f s) reads back as \"%s\"%n",
          (stopword - speechEnd) / 1e6,
          (reply - speechEnd) / 1e6,
          data,
          heard.length / (double) RATE,
          replyText);

      assertThat(data).contains("computer what time is it").contains("It is ");
      // The time words of the answer the server wrote ("It is ten seventeen in the morning."):
      // its audio must read back with at least one of them. Vosk reading FreeTTS back mishears
      // single words ("ten" as "done"), so one heard word of the hour or the minutes is enough.
      List<String> timeWords =
          Arrays.stream(data.replaceAll(".*It is ([a-z' -]+?) in the .*", "$1").split("[ -]"))
              .toList();
      assertThat(timeWords).as("the answer's time words").containsAnyOf(hourBefore, hourAfter);
      assertThat(
              Arrays.stream(replyText.split(" ")).map(w -> HOMOPHONES.getOrDefault(w, w)).toList())
          .as("the spoken answer holds a time word of " + timeWords)
          .containsAnyElementsOf(timeWords);
      assertThat(reply).isGreaterThan(stopword);
    }
  }

  /** 16 kHz to 48 kHz, linear interpolation (enough for speech below 8 kHz). */
  static short[] upsample3(short[] in) {
    short[] out = new short[in.length * 3];
    for (int i = 0; i < in.length; i++) {
      int next = i + 1 < in.length ? in[i + 1] : in[i];
      for (int k = 0; k < 3; k++) {
        out[i * 3 + k] = (short) (in[i] + (next - in[i]) * k / 3);
      }
    }
    return out;
  }

  /** 48 kHz to 16 kHz, the mean of each three samples. */
  static short[] downsample3(short[] in) {
    short[] out = new short[in.length / 3];
    for (int i = 0; i < out.length; i++) {
      out[i] = (short) ((in[i * 3] + in[i * 3 + 1] + in[i * 3 + 2]) / 3);
    }
    return out;
  }
}
