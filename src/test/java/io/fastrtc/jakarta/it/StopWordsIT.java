package io.fastrtc.jakarta.it;

import static io.fastrtc.jakarta.testing.VoiceAgentChecks.sleep;
import static io.fastrtc.jakarta.testing.VoiceAgentChecks.when;
import static org.assertj.core.api.Assertions.assertThat;

import io.fastrtc.jakarta.it.streams.StopWordStream;
import io.fastrtc.jakarta.testing.Audio;
import io.fastrtc.jakarta.testing.ClientPeer;
import io.fastrtc.jakarta.testing.SpeechSynth;
import io.fastrtc.jakarta.testing.SseReader;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.data.Offset;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code ReplyOnStopWords} on Liberty with the server's Vosk, against a webrtc-java client (the
 * test stream {@link StopWordStream}: stop word "computer", the reply transcribes its utterance
 * into the output {@code heard} and plays 440 Hz). The client says "computer, please say hello to
 * everyone" (flite): it gets {@code {"type":"stopword","data":""}}, then the tone, and the output
 * shows that the reply function got only the words after the stop word. Then it says a sentence
 * without the stop word: no event, no output and no reply audio. The figures are printed.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class StopWordsIT {
  private static final int RATE = 48_000;
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String STOPWORD = "{\"type\":\"stopword\",\"data\":\"\"}";

  /** How long the server gets to answer a sentence without the stop word (it must not). */
  private static final int QUIET_MILLIS = 4000;

  @ArquillianResource URL base;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ItSupport.warWithTestStreams();
  }

  @Test
  void theStopWordOpensOneTurnWhoseReplyGetsOnlyTheWordsAfterItAndOtherSpeechGetsNothing()
      throws Exception {
    SpeechSynth.requireTools();
    short[] withStopWord =
        AssistantIT.upsample3(SpeechSynth.say("computer, please say hello to everyone", "slt"));
    short[] without =
        AssistantIT.upsample3(
            SpeechSynth.say("please tell me what the weather will be like tomorrow", "slt"));
    try (VoiceClient client = VoiceClient.open(base, "stop-words")) {
      ClientPeer peer = client.peer;
      SseReader outputs = client.outputs;
      sleep(1000);

      // With the stop word: the event, then the reply; the reply function heard what followed.
      long sent = System.nanoTime();
      peer.sendAudio(withStopWord);
      long speechEnd = sent + withStopWord.length * 1_000_000_000L / RATE;
      long stopword = when(() -> peer.messages().contains(STOPWORD), "stopword", WAIT);
      long reply = when(() -> client.level(20) > 1000, "the reply's tone", WAIT);
      sleep(500);
      short[] tone = peer.receivedAudio(Duration.ofMillis(400));
      double hz = Audio.dominantFrequency(tone, peer.receivedSampleRate());
      List<SseReader.Event> events = outputs.next("output", 1, WAIT);
      String heard = events.get(0).data();
      when(
          () -> peer.messages().stream().anyMatch(m -> m.contains("playback_ended")),
          "playback_ended",
          WAIT);
      long played = System.nanoTime();
      List<String> logs = logs(peer);
      System.out.printf(
          "stop words (Liberty, WebRTC): \"computer, please say hello to everyone\" (%.1f s):"
              + " stopword %.0f ms after its start (%.0f ms before its end), the reply's tone"
              + " %.0f ms after its end (%.1f Hz, RMS %.0f); the reply function heard %s;"
              + " events %s%n",
          (speechEnd - sent) / 1e9,
          (stopword - sent) / 1e6,
          (speechEnd - stopword) / 1e6,
          (reply - speechEnd) / 1e6,
          hz,
          Audio.rms(tone),
          heard,
          logs);
      assertThat(reply).as("the reply comes after the stopword event").isGreaterThan(stopword);
      assertThat(hz).as("the reply's tone, Hz").isCloseTo(440.0, Offset.offset(15.0));
      assertThat(heard)
          .as("what the reply function got: only the audio after the stop word")
          .contains("hello")
          .doesNotContain("computer");
      assertThat(logs).contains("pause_detected", "response_starting", "playback_ended");

      // Without the stop word: nothing at all.
      sleep(500);
      int before = peer.messages().size();
      peer.sendAudio(without);
      sleep(without.length * 1000L / RATE + QUIET_MILLIS);
      List<String> all = peer.messages();
      List<String> after = all.subList(before, all.size());
      double loudest = loudest(peer, (int) ((System.nanoTime() - played) / 1_000_000) - 300);
      List<String> extra = outputsNow(outputs);
      System.out.printf(
          "stop words (Liberty, WebRTC): \"please tell me what the weather will be like"
              + " tomorrow\" and %d ms after it: messages %s, loudest 20 ms of received audio RMS"
              + " %.0f, output %s%n",
          QUIET_MILLIS, after, loudest, extra);
      assertThat(after).as("messages after a sentence without the stop word").isEmpty();
      assertThat(extra).as("outputs after a sentence without the stop word").isEmpty();
      assertThat(loudest).as("no reply audio").isLessThan(100);
    }
  }

  /** The loudest 20 ms (RMS) in the last {@code millis} of received audio. */
  private static double loudest(ClientPeer peer, int millis) {
    short[] audio = peer.receivedAudio(Duration.ofMillis(millis));
    int frame = RATE / 50;
    double max = 0;
    for (int from = 0; from + frame <= audio.length; from += frame) {
      short[] part = new short[frame];
      System.arraycopy(audio, from, part, 0, frame);
      max = Math.max(max, Audio.rms(part));
    }
    return max;
  }

  /** The output events already received, without waiting. */
  private static List<String> outputsNow(SseReader outputs) throws InterruptedException {
    List<String> seen = new ArrayList<>();
    while (true) {
      SseReader.Event e;
      try {
        e = outputs.next(Duration.ofMillis(50));
      } catch (AssertionError none) {
        return seen;
      }
      if (e.name().equals("output")) {
        seen.add(e.data());
      }
    }
  }

  /** The turn events received so far ({@code log} messages, the handler's own echo left out). */
  private static List<String> logs(ClientPeer peer) {
    return peer.messages().stream()
        .filter(m -> m.startsWith("{\"type\":\"log\"") || m.equals(STOPWORD))
        .map(m -> m.equals(STOPWORD) ? "stopword" : m.replaceAll(".*\"data\":\"([^\"]*)\".*", "$1"))
        .toList();
  }
}
