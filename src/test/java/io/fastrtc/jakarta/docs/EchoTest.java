package io.fastrtc.jakarta.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fastrtc.jakarta.api.AudioFrame;
import io.fastrtc.jakarta.handlers.echo.EchoHandler;
import io.fastrtc.jakarta.testkit.HandlerTester;
import io.fastrtc.jakarta.testkit.SentMessage;
import org.junit.jupiter.api.Test;

// README.md shows this class from "class EchoTest" on, verbatim (ReadmeExampleTest checks it).
class EchoTest {
  @Test
  void playsEveryFrameBack() {
    AudioFrame hello = AudioFrame.mono(48_000, new short[960]); // 20 ms
    try (HandlerTester tester = HandlerTester.start(new EchoHandler())) {
      tester.send(hello); // receive(), then emit() until none, as the server does
      tester.assertAudio(hello); // waits up to 5 s for the handler's audio
      tester.context().send("log", "done"); // the fake context records messages
      assertEquals(new SentMessage("log", "done"), tester.awaitMessage());
    }
  }
}
