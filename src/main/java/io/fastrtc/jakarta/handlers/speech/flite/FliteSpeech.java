package io.fastrtc.jakarta.handlers.speech.flite;

import io.fastrtc.jakarta.api.AudioFrame;
import io.fastrtc.jakarta.api.speech.TextToSpeech;
import io.fastrtc.jakarta.handlers.speech.Sentences;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Debian's {@code flite} run as a process per sentence ({@code flite -voice slt -t TEXT -o
 * /dev/stdout}: a 16 kHz WAV in about 0.1 s). Clearer than FreeTTS; needs the {@code flite} package
 * ({@code apt-get install flite}). Thread-safe: each call runs its own process.
 */
public final class FliteSpeech implements TextToSpeech {
  /** The voice used unless another is named. */
  public static final String DEFAULT_VOICE = "slt";

  /** The rate of flite's 16 kHz voices (slt, kal16, awb, rms). */
  public static final int SAMPLE_RATE = 16_000;

  /** A sentence's process is killed after this long. */
  static final long TIMEOUT_SECONDS = 30;

  /** Longer texts are cut: flite gets them as one command-line argument. */
  static final int MAX_CHARS = 4_000;

  private final String command;
  private final String voice;

  /**
   * A flite voice.
   *
   * @param command the flite executable, e.g. {@code flite} (on the PATH) or {@code /usr/bin/flite}
   * @param voice a flite voice name, e.g. {@code slt}
   */
  public FliteSpeech(String command, String voice) {
    this.command = Objects.requireNonNull(command, "command == null");
    this.voice = Objects.requireNonNull(voice, "voice == null");
  }

  /** {@code flite -voice slt}, from the PATH. */
  public FliteSpeech() {
    this("flite", DEFAULT_VOICE);
  }

  /**
   * Checks that flite runs, so a missing package is a clear error at deployment.
   *
   * @return this voice
   * @throws IllegalStateException naming the package to install when flite cannot be run
   */
  public FliteSpeech check() {
    AudioFrame probe = speak("ok");
    if (probe.sampleCount() == 0) {
      throw new IllegalStateException("flite produced no audio for voice " + voice);
    }
    return this;
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

  private AudioFrame speak(String text) {
    String clean = text.replaceAll("[\\p{Cntrl}]", " ").strip();
    if (clean.isEmpty()) {
      return AudioFrame.mono(SAMPLE_RATE, new short[0]);
    }
    if (clean.length() > MAX_CHARS) {
      clean = clean.substring(0, MAX_CHARS);
    }
    List<String> args = List.of(command, "-voice", voice, "-t", clean, "-o", "/dev/stdout");
    Process process;
    try {
      process = new ProcessBuilder(args).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    } catch (IOException e) {
      throw new IllegalStateException(
          "flite cannot be run ("
              + e.getMessage()
              + "): install Debian's flite package (apt-get install flite), or choose"
              + " fastrtc.speech.tts=freetts",
          e);
    }
    try (InputStream out = process.getInputStream()) {
      byte[] wav = out.readAllBytes();
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("flite did not finish in " + TIMEOUT_SECONDS + " s");
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException(
            "flite failed with exit code " + process.exitValue() + " (voice " + voice + ")");
      }
      return Wav.read(wav);
    } catch (IOException e) {
      throw new UncheckedIOException("reading flite's output", e);
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while flite was speaking", e);
    }
  }
}
