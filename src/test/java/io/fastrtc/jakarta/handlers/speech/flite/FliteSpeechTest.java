package io.fastrtc.jakarta.handlers.speech.flite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fastrtc.jakarta.api.speech.TextToSpeech;
import io.fastrtc.jakarta.handlers.speech.TextToSpeechContract;
import io.fastrtc.jakarta.testing.SpeechSynth;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Debian's flite as a process: the engine contract, option-like text, a clear error without it. */
class FliteSpeechTest extends TextToSpeechContract {
  private final FliteSpeech voice = new FliteSpeech();

  @BeforeEach
  void needsFlite() {
    SpeechSynth.requireTools();
  }

  @Override
  protected TextToSpeech voice() {
    return voice;
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
