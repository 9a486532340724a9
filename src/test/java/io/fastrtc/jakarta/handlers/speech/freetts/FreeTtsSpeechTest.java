package io.fastrtc.jakarta.handlers.speech.freetts;

import static org.assertj.core.api.Assertions.assertThat;

import io.fastrtc.jakarta.api.AudioFrame;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** FreeTTS kevin16 speaks: 16 kHz, audible, about as long as the words take, a chunk a sentence. */
class FreeTtsSpeechTest {
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

  @Test
  void speaksAudibleSixteenKilohertzAudioOfAPlausibleLength() {
    long start = System.nanoTime();
    AudioFrame audio = voice.synthesize("It is three fifteen in the afternoon.");
    long millis = (System.nanoTime() - start) / 1_000_000;

    System.out.printf(
        "FreeTTS: %.0f ms of audio in %d ms, rms %.3f%n",
        audio.durationMillis(), millis, audio.rms());
    assertThat(audio.sampleRate()).isEqualTo(16_000).isEqualTo(voice.sampleRate());
    assertThat(audio.channels()).isEqualTo(1);
    assertThat(audio.durationMillis()).isBetween(1_200.0, 4_000.0);
    assertThat(audio.rms()).isGreaterThan(0.02);
  }

  @Test
  void streamsOneChunkPerSentence() {
    Iterator<AudioFrame> chunks = voice.stream("Hello there. What is seven times six? Forty two.");
    List<AudioFrame> all = new ArrayList<>();
    chunks.forEachRemaining(all::add);

    assertThat(all).hasSize(3);
    assertThat(all).allSatisfy(c -> assertThat(c.rms()).isGreaterThan(0.02));
    assertThat(all.get(1).durationMillis()).isGreaterThan(all.get(2).durationMillis());
  }
}
