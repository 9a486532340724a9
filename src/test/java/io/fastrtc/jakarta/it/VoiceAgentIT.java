package io.fastrtc.jakarta.it;

import static io.fastrtc.jakarta.it.ItSupport.assertHears;
import static io.fastrtc.jakarta.it.ItSupport.root;
import static io.fastrtc.jakarta.it.ItSupport.stream;
import static org.assertj.core.api.Assertions.assertThat;

import io.fastrtc.jakarta.testing.ClientPeer;
import io.fastrtc.jakarta.testing.Speech;
import io.fastrtc.jakarta.testing.VoiceAgentChecks;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Voice agents on Liberty: a webrtc-java client plays a sentence spoken by flite to the demo
 * streams {@code talk-back} and {@code barge-in} and the test streams {@code polite} ({@link
 * VoiceAgentChecks}) and {@code prompted} (inputs per turn, push-to-talk); the server listens with
 * its default voice-activity model.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class VoiceAgentIT {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Duration WAIT = Duration.ofSeconds(15);

  @ArquillianResource URL base;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ItSupport.warWithTestStreams();
  }

  @Test
  void theReplyComesAfterThePauseWithFastRtcsEventsInOrderAndPlaybackEndedLast() {
    VoiceAgentChecks.replyAfterThePause(stream(base, "talk-back"));
  }

  @Test
  void talkingOverTheReplyStopsItsAudioAtTheOnset() {
    VoiceAgentChecks.bargeIn(stream(base, "barge-in"));
  }

  @Test
  void withoutCanInterruptSpeechDuringTheReplyIsIgnored() {
    VoiceAgentChecks.canInterruptOff(stream(base, "polite"));
  }

  @Test
  void eachTurnAsksForInputsAndPushToTalkRepliesWithoutAPause() throws Exception {
    try (ClientPeer peer = ClientPeer.builder(stream(base, "prompted")).build()) {
      assertThat(peer.connect().isAnswer()).isTrue();
      peer.awaitConnected(ItSupport.CONNECT);
      peer.audioCapture();

      // A spoken turn: after the pause the handler asks for its inputs, then replies with them.
      peer.sendAudio(Speech.say("Please play the first tone for me", 48_000));
      peer.awaitMessage(m -> m.contains("\"send_input\""), WAIT);
      assertThat(inputHook(peer, "\"frequency\": 660").statusCode()).isEqualTo(200);
      assertHears(peer, 660);
      int turns = (int) count(peer, "\"send_input\"");
      io.fastrtc.jakarta.testing.Await.until(
          () -> count(peer, "playback_ended") == 1, WAIT, () -> "the first reply's playback_ended");

      // Push-to-talk: switching the trigger input on replies at once, with no speech at all; the
      // turn asks for inputs again and plays the new frequency.
      assertThat(inputHook(peer, "\"frequency\": 660, \"push\": true").statusCode()).isEqualTo(200);
      io.fastrtc.jakarta.testing.Await.until(
          () -> count(peer, "\"send_input\"") > turns, WAIT, () -> "a second send_input");
      assertThat(inputHook(peer, "\"frequency\": 880, \"push\": true").statusCode()).isEqualTo(200);
      assertHears(peer, 880);
      assertThat(
              peer.messages().stream()
                  .filter(m -> m.contains("\"log\"") && !m.contains("Server received"))
                  .map(m -> m.replaceAll(".*\"data\":\"([^\"]*)\".*", "$1"))
                  .limit(6)
                  .toList())
          .as("the pushed turn starts without the user talking")
          .containsExactly(
              "started_talking",
              "pause_detected",
              "response_starting",
              "playback_ended",
              "pause_detected",
              "response_starting");
    }
  }

  private static long count(ClientPeer peer, String fragment) {
    return peer.messages().stream().filter(m -> m.contains(fragment)).count();
  }

  private HttpResponse<String> inputHook(ClientPeer peer, String fields) throws Exception {
    String body = "{\"webrtc_id\": \"" + peer.webrtcId() + "\", " + fields + "}";
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(root(base) + "/input_hook"))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
