package io.fastrtc.jakarta.handlers.speech.freetts;

import com.sun.speech.freetts.Voice;
import com.sun.speech.freetts.en.us.cmu_us_kal.KevinVoiceDirectory;
import io.fastrtc.jakarta.api.AudioFrame;
import io.fastrtc.jakarta.api.speech.TextToSpeech;
import io.fastrtc.jakarta.handlers.speech.Sentences;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Objects;

/**
 * FreeTTS's {@code kevin16} diphone voice (16 kHz), pure Java: nothing to install and nothing
 * downloaded. The voice is taken from its directory class directly, so the {@code freetts.voices}
 * system property that FreeTTS's {@code VoiceManager} needs is neither read nor set. One voice
 * serves the server; it speaks one sentence at a time (about 40 ms each), so calls from several
 * connections take turns.
 */
public final class FreeTtsSpeech implements TextToSpeech, AutoCloseable {
  /** The voice's name. */
  public static final String VOICE = "kevin16";

  /** The rate kevin16 speaks at. */
  public static final int SAMPLE_RATE = 16_000;

  private final Voice voice;
  private boolean closed;

  private FreeTtsSpeech(Voice voice) {
    this.voice = voice;
  }

  /**
   * Loads and allocates the kevin16 voice (about one second).
   *
   * @return the voice, ready to speak
   * @throws IllegalStateException if FreeTTS does not offer it
   */
  public static FreeTtsSpeech load() {
    Voice kevin16 =
        Arrays.stream(new KevinVoiceDirectory().getVoices())
            .filter(v -> VOICE.equals(v.getName()))
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "FreeTTS: no " + VOICE + " voice in KevinVoiceDirectory (freetts 1.2.2)"));
    kevin16.allocate();
    return new FreeTtsSpeech(kevin16);
  }

  @Override
  public int sampleRate() {
    return SAMPLE_RATE;
  }

  @Override
  public AudioFrame synthesize(String text) {
    return speak(Objects.requireNonNull(text, "text == null"));
  }

  @Override
  public Iterator<AudioFrame> stream(String text) {
    return Sentences.spoken(text, this::speak);
  }

  private synchronized AudioFrame speak(String text) {
    if (closed) {
      throw new IllegalStateException("FreeTTS voice is closed");
    }
    MemoryAudioPlayer player = new MemoryAudioPlayer();
    voice.setAudioPlayer(player);
    if (!text.isBlank() && !voice.speak(text)) {
      throw new IllegalStateException("FreeTTS could not speak: " + text);
    }
    return AudioFrame.mono(player.sampleRate(), player.samples());
  }

  /** Frees the voice. */
  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      voice.deallocate();
    }
  }
}
