package io.fastrtc.jakarta.handlers.speech.flite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fastrtc.jakarta.api.AudioFrame;
import io.fastrtc.jakarta.testing.SpeechSynth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Debian's flite as a process: 16 kHz, audible, a chunk a sentence, a clear error without it. */
class FliteSpeechTest {
  private final FliteSpeech voice = new FliteSpeech();

  @BeforeEach
  void needsFlite() {
    SpeechSynth.requireTools();
  }

  @Test
  void speaksAudibleSixteenKilohertzAudioOfAPlausibleLength() {
    long start = System.nanoTime();
    AudioFrame audio = voice.synthesize("It is three fifteen in the afternoon.");
    long millis = (System.nanoTime() - start) / 1_000_000;

    System.out.printf(
        "flite slt: %.0f ms of audio in %d ms, rms %.3f%n",
        audio.durationMillis(), millis, audio.rms());
    assertThat(audio.sampleRate()).isEqualTo(16_000).isEqualTo(voice.sampleRate());
    assertThat(audio.channels()).isEqualTo(1);
    assertThat(audio.durationMillis()).isBetween(1_200.0, 4_000.0);
    assertThat(audio.rms()).isGreaterThan(0.02);
  }

  @Test
  void streamsOneChunkPerSentence() {
    List<AudioFrame> all = new ArrayList<>();
    voice.stream("Hello there. What is seven times six? Forty two.").forEachRemaining(all::add);

    assertThat(all).hasSize(3);
    assertThat(all).allSatisfy(c -> assertThat(c.rms()).isGreaterThan(0.02));
  }

  @Test
  void textThatLooksLikeOptionsIsSpokenNotObeyed() {
    assertThat(voice.synthesize("-o /tmp/x --help").rms()).isGreaterThan(0.02);
  }

  @Test
  void aMissingExecutableSaysWhatToInstall() {
    FliteSpeech missing = new FliteSpeech("/nonexistent/flite", "slt");

    assertThatThrownBy(missing::check)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("apt-get install flite")
        .hasMessageContaining("fastrtc.speech.tts=freetts");
  }
}
