package io.fastrtc.jakarta.testing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Real speech for tests, made at test time with Debian's {@code flite} (voice {@code slt}) and
 * {@code sox}: 16 kHz mono int16, with where the speech is in it. Tests that need it call {@link
 * #requireTools()}, which skips them when the tools are missing, or fails them under {@code
 * CI=true}.
 */
public final class SpeechSynth {

  /** The rate every utterance is returned at (the Silero VAD rate). */
  public static final int SAMPLE_RATE = 16_000;

  private static final String INSTALL = "apt-get install flite sox";

  private SpeechSynth() {}

  /** Skips the calling test when flite or sox is missing; fails it instead under CI=true. */
  public static void requireTools() {
    List<String> missing = new ArrayList<>();
    for (String tool : List.of("flite", "sox")) {
      if (!onPath(tool)) {
        missing.add(tool);
      }
    }
    if (missing.isEmpty()) {
      return;
    }
    String message = "speech fixtures need " + missing + " on the PATH (Debian: " + INSTALL + ")";
    if ("true".equals(System.getenv("CI"))) {
      Assertions.fail(message + "; failing because CI=true");
    }
    Assumptions.abort(message);
  }

  /**
   * Speaks a text.
   *
   * @param text what to say
   * @param voice a flite voice: {@code slt}, {@code rms}, {@code awb} or {@code kal16}
   * @return 16 kHz mono int16 samples, trimmed of flite's leading and trailing silence
   */
  public static short[] say(String text, String voice) {
    Objects.requireNonNull(text, "text == null");
    try {
      Path dir = Files.createTempDirectory("fastrtc-speech");
      Path wav = dir.resolve("speech.wav");
      Path raw = dir.resolve("speech.raw");
      try {
        run("flite", "-voice", voice, "-t", text, "-o", wav.toString());
        run(
            "sox",
            wav.toString(),
            "-r",
            "16000",
            "-c",
            "1",
            "-b",
            "16",
            "-e",
            "signed-integer",
            "-t",
            "raw",
            raw.toString());
        return trim(samples(Files.readAllBytes(raw)));
      } finally {
        Files.deleteIfExists(wav);
        Files.deleteIfExists(raw);
        Files.deleteIfExists(dir);
      }
    } catch (IOException e) {
      throw new IllegalStateException("speech synthesis failed: " + e, e);
    }
  }

  /**
   * Whether each 10 ms frame of the audio holds sound (RMS above -50 dBFS): the ground truth for
   * synthetic speech laid on digital silence.
   *
   * @param audio 16 kHz samples
   * @return one flag per 10 ms frame
   */
  public static boolean[] soundPer10Ms(short[] audio) {
    int frame = SAMPLE_RATE / 100;
    boolean[] sound = new boolean[audio.length / frame];
    double threshold = Audio.FULL_SCALE * Math.pow(10, -50 / 20.0);
    for (int f = 0; f < sound.length; f++) {
      double sum = 0;
      for (int i = f * frame; i < (f + 1) * frame; i++) {
        sum += (double) audio[i] * audio[i];
      }
      sound[f] = Math.sqrt(sum / frame) > threshold;
    }
    return sound;
  }

  private static short[] trim(short[] audio) {
    boolean[] sound = soundPer10Ms(audio);
    int first = 0;
    while (first < sound.length && !sound[first]) {
      first++;
    }
    int last = sound.length - 1;
    while (last > first && !sound[last]) {
      last--;
    }
    if (first >= sound.length) {
      return new short[0];
    }
    int frame = SAMPLE_RATE / 100;
    int from = first * frame;
    int to = Math.min(audio.length, (last + 1) * frame);
    short[] out = new short[to - from];
    System.arraycopy(audio, from, out, 0, out.length);
    return out;
  }

  private static short[] samples(byte[] bytes) {
    ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    short[] out = new short[bytes.length / 2];
    buffer.asShortBuffer().get(out);
    return out;
  }

  private static boolean onPath(String tool) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, tool))) {
        return true;
      }
    }
    return false;
  }

  private static void run(String... command) throws IOException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException(command[0] + " did not finish in 30 s");
      }
      if (process.exitValue() != 0) {
        throw new IOException(
            command[0]
                + " exited with "
                + process.exitValue()
                + ": "
                + new String(output, java.nio.charset.StandardCharsets.UTF_8));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running " + command[0], e);
    }
  }
}
