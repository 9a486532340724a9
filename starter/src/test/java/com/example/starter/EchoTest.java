package com.example.starter;

import io.fastrtc.jakarta.api.AudioFrame;
import io.fastrtc.jakarta.testkit.HandlerTester;
import org.junit.jupiter.api.Test;

/** The handler as the server runs it, without a server: the test kit of fastrtc-jakarta. */
class EchoTest {

  @Test
  void playsEveryFrameBack() {
    short[] samples = new short[960]; // 20 ms at 48 kHz
    for (int i = 0; i < samples.length; i++) {
      samples[i] = (short) (8000 * Math.sin(2 * Math.PI * 440 * i / 48_000.0));
    }
    AudioFrame hello = AudioFrame.mono(48_000, samples);

    try (HandlerTester tester = HandlerTester.start(new Echo())) {
      tester.send(hello); // receive(), then emit() until none, as the server does
      tester.assertAudio(hello); // waits up to 5 s for the handler's audio
      tester.assertNoAudio();
    }
  }
}
