package io.fastrtc.jakarta.handlers.speech.vosk;

import io.fastrtc.jakarta.api.AudioFrame;
import io.fastrtc.jakarta.api.speech.SpeechRecognition;
import io.fastrtc.jakarta.api.speech.Transcript;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vosk.Recognizer;

/**
 * One streaming recognition on a Vosk recognizer of its own: frames in, partial and final
 * transcripts out. Stereo frames are mixed down; Vosk resamples to the model's rate itself.
 */
final class VoskRecognition implements SpeechRecognition {
  private static final Pattern FIELD =
      Pattern.compile("\"(text|partial)\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

  private final Recognizer recognizer;
  private boolean closed;

  VoskRecognition(Recognizer recognizer) {
    this.recognizer = recognizer;
  }

  @Override
  public Transcript accept(AudioFrame frame) {
    Objects.requireNonNull(frame, "frame == null");
    checkOpen();
    short[] samples = mono(frame);
    if (recognizer.acceptWaveForm(samples, samples.length)) {
      return new Transcript(text(recognizer.getResult()), true);
    }
    return new Transcript(text(recognizer.getPartialResult()), false);
  }

  @Override
  public Transcript finish() {
    checkOpen();
    return new Transcript(text(recognizer.getFinalResult()), true);
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      recognizer.close();
    }
  }

  /** Whether {@link #close()} has freed the recognizer. */
  boolean isClosed() {
    return closed;
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("this speech recognition is closed");
    }
  }

  /** The {@code text} or {@code partial} field of Vosk's JSON result, words single-spaced. */
  static String text(String json) {
    if (json == null) {
      return "";
    }
    Matcher m = FIELD.matcher(json);
    if (!m.find()) {
      return "";
    }
    return m.group(2).replace("\\\"", "\"").replace("\\\\", "\\").trim().replaceAll("\\s+", " ");
  }

  private static short[] mono(AudioFrame frame) {
    short[] s = frame.samples();
    if (frame.channels() == 1) {
      return s;
    }
    int channels = frame.channels();
    short[] out = new short[s.length / channels];
    for (int i = 0; i < out.length; i++) {
      int sum = 0;
      for (int c = 0; c < channels; c++) {
        sum += s[i * channels + c];
      }
      out[i] = (short) (sum / channels);
    }
    return out;
  }
}
