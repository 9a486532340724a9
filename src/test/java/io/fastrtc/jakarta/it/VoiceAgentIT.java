package io.fastrtc.jakarta.it;

import static io.fastrtc.jakarta.it.ItSupport.stream;

import io.fastrtc.jakarta.testing.VoiceAgentChecks;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Voice agents on Liberty: a webrtc-java client plays a sentence spoken by flite to the demo
 * streams {@code talk-back} and {@code barge-in} and the test stream {@code polite} ({@link
 * VoiceAgentChecks}); the server listens with its default voice-activity model.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class VoiceAgentIT {
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
}
