package io.fastrtc.jakarta.runtime.webrtc;

import io.fastrtc.jakarta.demo.BargeInStream;
import io.fastrtc.jakarta.demo.TalkBackStream;
import io.fastrtc.jakarta.it.streams.PoliteStream;
import io.fastrtc.jakarta.testing.VoiceAgentChecks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The voice-agent checks ({@link VoiceAgentChecks}) against the real engine and libwebrtc in one
 * JVM, without Liberty: flite speech from a webrtc-java client to ReplyOnPause streams.
 */
@Tag("native")
class VoicePeersTest {
  private static InProcessServer server;

  @BeforeAll
  static void start() throws Exception {
    VoiceAgentChecks.where = "in-process";
    server =
        new InProcessServer()
            .stream(TalkBackStream.class, TalkBackStream::new).stream(
                BargeInStream.class, BargeInStream::new)
                .stream(PoliteStream.class, PoliteStream::new);
  }

  @AfterAll
  static void stop() {
    server.close();
    VoiceAgentChecks.where = "Liberty";
  }

  @Test
  void theReplyComesAfterThePause() {
    VoiceAgentChecks.replyAfterThePause(server.url("talk-back"));
  }

  @Test
  void talkingOverTheReplyStopsItsAudio() {
    VoiceAgentChecks.bargeIn(server.url("barge-in"));
  }

  @Test
  void withoutCanInterruptTalkingOverTheReplyChangesNothing() {
    VoiceAgentChecks.canInterruptOff(server.url("polite"));
  }
}
