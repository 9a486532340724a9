package io.fastrtc.jakarta.handlers.speech.vosk;

import io.fastrtc.jakarta.api.AudioFrame;
import io.fastrtc.jakarta.api.speech.SpeechRecognition;
import io.fastrtc.jakarta.api.speech.SpeechToText;
import io.fastrtc.jakarta.api.speech.Transcript;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.vosk.LibVosk;
import org.vosk.LogLevel;
import org.vosk.Model;
import org.vosk.Recognizer;

/**
 * Speech-to-text with Vosk: a Kaldi model loaded once ({@link #load(Path)}, about 1 s and 235 MB
 * for the small English model) and shared by every connection; each {@link #open(int)} makes a
 * recognizer of its own (a few MB), which its caller closes. Thread-safe: Vosk's model is read-only
 * once loaded, and a recognizer is used by one connection at a time.
 */
public final class VoskSpeechToText implements SpeechToText, AutoCloseable {
  /** The marker Vosk puts in a transcript for audio outside a restricted vocabulary. */
  public static final String UNKNOWN = "[unk]";

  private final Model model;
  private final Path directory;

  private VoskSpeechToText(Model model, Path directory) {
    this.model = model;
    this.directory = directory;
  }

  /**
   * Loads a Vosk model.
   *
   * @param directory the model's folder, the one holding {@code am/}, {@code conf/} and {@code
   *     graph/} (for {@code com.alphacephei:vosk-model-en:0.3.45}, its {@code assets/model-en-us})
   * @return the loaded model
   * @throws IllegalStateException naming the folder when it is not a Vosk model, or the native
   *     library does not load
   */
  public static VoskSpeechToText load(Path directory) {
    Objects.requireNonNull(directory, "directory == null");
    Path acoustic = directory.resolve("am").resolve("final.mdl");
    if (!Files.isRegularFile(acoustic)) {
      throw new IllegalStateException(
          "Vosk speech-to-text: "
              + directory.toAbsolutePath()
              + " is not a Vosk model folder (no am/final.mdl in it); "
              + VoskModelLocation.HOW_TO_ADD);
    }
    try {
      LibVosk.setLogLevel(LogLevel.WARNINGS);
      return new VoskSpeechToText(new Model(directory.toString()), directory);
    } catch (IOException e) {
      throw new IllegalStateException(
          "Vosk speech-to-text: cannot load the model in " + directory.toAbsolutePath() + ": " + e,
          e);
    } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
      throw new IllegalStateException(
          "Vosk speech-to-text: the native library libvosk did not load ("
              + e
              + "); it comes from the com.alphacephei:vosk jar (Linux x86-64, macOS, Windows) and"
              + " is extracted to java.io.tmpdir ("
              + System.getProperty("java.io.tmpdir")
              + "), which must be writable and not mounted noexec",
          e);
    }
  }

  /** The folder the model was loaded from. */
  public Path directory() {
    return directory;
  }

  @Override
  public String transcribe(AudioFrame utterance) {
    Objects.requireNonNull(utterance, "utterance == null");
    int channels = utterance.channels();
    int chunk = utterance.sampleRate() / 10 * channels; // 100 ms, as a stream would arrive
    short[] all = utterance.samples();
    StringBuilder text = new StringBuilder();
    try (SpeechRecognition recognition = open(utterance.sampleRate())) {
      for (int from = 0; from < all.length; from += chunk) {
        short[] part = Arrays.copyOfRange(all, from, Math.min(all.length, from + chunk));
        Transcript t = recognition.accept(new AudioFrame(utterance.sampleRate(), channels, part));
        if (t.isFinal()) {
          append(text, t.text());
        }
      }
      append(text, recognition.finish().text());
    }
    return text.toString();
  }

  private static void append(StringBuilder text, String phrase) {
    if (!phrase.isEmpty()) {
      text.append(text.isEmpty() ? "" : " ").append(phrase);
    }
  }

  @Override
  public SpeechRecognition open(int sampleRate) {
    checkRate(sampleRate);
    try {
      return new VoskRecognition(new Recognizer(model, sampleRate));
    } catch (IOException e) {
      throw new IllegalStateException("Vosk speech-to-text: cannot create a recognizer: " + e, e);
    }
  }

  /**
   * A recognizer restricted to {@code phrases} (a Vosk grammar) plus {@value #UNKNOWN} for anything
   * else: a stop word is spotted for about a tenth of the work of a free recognition. Words the
   * model does not know are left out of the grammar by Vosk (it logs them).
   */
  @Override
  public SpeechRecognition openVocabulary(int sampleRate, List<String> phrases) {
    checkRate(sampleRate);
    Objects.requireNonNull(phrases, "phrases == null");
    Recognizer recognizer = new Recognizer(model, sampleRate, grammar(phrases));
    if (recognizer.getPointer() == null) {
      throw new IllegalStateException(
          "Vosk speech-to-text: the model in " + directory + " refused the grammar " + phrases);
    }
    return new VoskRecognition(recognizer);
  }

  /** The JSON grammar Vosk takes: the phrases, lower case, and {@value #UNKNOWN}. */
  static String grammar(List<String> phrases) {
    List<String> entries = new ArrayList<>();
    for (String phrase : phrases) {
      String words = phrase.toLowerCase(Locale.ROOT).replaceAll("[^a-z' ]", " ").trim();
      words = words.replaceAll("\\s+", " ");
      if (!words.isEmpty() && !entries.contains(words)) {
        entries.add(words);
      }
    }
    entries.add(UNKNOWN);
    StringBuilder json = new StringBuilder("[");
    for (int i = 0; i < entries.size(); i++) {
      json.append(i == 0 ? "" : ",").append('"').append(entries.get(i)).append('"');
    }
    return json.append(']').toString();
  }

  private static void checkRate(int sampleRate) {
    if (sampleRate < 8_000) {
      throw new IllegalArgumentException("sampleRate must be at least 8000: " + sampleRate);
    }
  }

  /** Frees the model; recognitions still open must not be used afterwards. */
  @Override
  public void close() {
    model.close();
  }
}
