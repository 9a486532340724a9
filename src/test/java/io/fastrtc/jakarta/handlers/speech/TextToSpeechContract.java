package io.fastrtc.jakarta.handlers.speech;

import static org.assertj.core.api.Assertions.assertThat;

import io.fastrtc.jakarta.api.AudioFrame;
import io.fastrtc.jakarta.api.speech.TextToSpeech;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every bundled text-to-speech engine must do: speak audible 16 kHz mono audio about as long
 * as the words take, and stream one chunk a sentence. Each engine's test extends this.
 */
public abstract class TextToSpeechContract {

  /**
   * The engine under test, ready to speak.
   *
   * @return the engine
   */
  protected abstract TextToSpeech voice();

  @Test
  void speaksAudibleSixteenKilohertzAudioOfAPlausibleLength() {
    long start = System.nanoTime();
    AudioFrame audio = voice().synthesize("It is three fifteen in the afternoon.");
    long millis = (System.nanoTime() - start) / 1_000_000;

    System.out.printf(
        "%s: %.0f ms of audio in %d ms, rms %.3f%n",
        getClass().getSimpleName(), audio.durationMillis(), millis, audio.rms());
    assertThat(audio.sampleRate()).isEqualTo(16_000).isEqualTo(voice().sampleRate());
    assertThat(audio.channels()).isEqualTo(1);
    assertThat(audio.durationMillis()).isBetween(1_200.0, 4_000.0);
    assertThat(audio.rms()).isGreaterThan(0.02);
  }

  @Test
  void streamsOneChunkPerSentence() {
    List<AudioFrame> all = new ArrayList<>();
    voice().stream("Hello there. What is seven times six? Forty two.").forEachRemaining(all::add);

    assertThat(all).hasSize(3);
    assertThat(all).allSatisfy(c -> assertThat(c.rms()).isGreaterThan(0.02));
    assertThat(all.get(1).durationMillis()).isGreaterThan(all.get(2).durationMillis());
  }
}
