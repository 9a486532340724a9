package io.fastrtc.jakarta.handlers.speech.freetts;

import io.fastrtc.jakarta.api.speech.TextToSpeech;
import io.fastrtc.jakarta.handlers.speech.TextToSpeechContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** FreeTTS kevin16, loaded once: the engine contract. */
class FreeTtsSpeechTest extends TextToSpeechContract {
  private static FreeTtsSpeech voice;

  @BeforeAll
  static void load() {
    long start = System.nanoTime();
    voice = FreeTtsSpeech.load();
    System.out.printf("FreeTTS kevin16 loaded in %d ms%n", (System.nanoTime() - start) / 1_000_000);
  }

  @AfterAll
  static void close() {
    voice.close();
  }

  @Override
  protected TextToSpeech voice() {
    return voice;
  }
}
