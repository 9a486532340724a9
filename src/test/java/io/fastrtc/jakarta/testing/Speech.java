package io.fastrtc.jakarta.testing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Spoken test audio made at test time with Debian's {@code flite} (clear synthetic speech) and
 * {@code sox} (rate conversion). When either is missing the calling test is skipped, or fails when
 * {@code CI=true} (CI installs both from {@code .ci/run}).
 */
public final class Speech {
  private static final Path FLITE = Path.of("/usr/bin/flite");
  private static final Path SOX = Path.of("/usr/bin/sox");

  private Speech() {}

  /** Skips the calling test when flite or sox is missing, or fails it on CI. */
  public static void requireTools() {
    for (Path tool : List.of(FLITE, SOX)) {
      if (!Files.isExecutable(tool)) {
        String message = tool + " is missing: apt-get install flite sox";
        if ("true".equals(System.getenv("CI"))) {
          throw new AssertionError(message);
        }
        Assumptions.abort(message);
      }
    }
  }

  /**
   * Says {@code text} with flite's default voice.
   *
   * @param sampleRate the rate wanted, e.g. 48000
   * @return mono int16 samples, about -18 dBFS RMS
   */
  public static short[] say(String text, int sampleRate) {
    requireTools();
    try {
      Path dir = Files.createTempDirectory("speech");
      Path wav = dir.resolve("say.wav");
      Path raw = dir.resolve("say.raw");
      run(FLITE.toString(), "-t", text, "-o", wav.toString());
      run(
          SOX.toString(),
          wav.toString(),
          "-t",
          "raw",
          "-r",
          Integer.toString(sampleRate),
          "-e",
          "signed",
          "-b",
          "16",
          "-c",
          "1",
          raw.toString());
      byte[] bytes = Files.readAllBytes(raw);
      short[] out = new short[bytes.length / 2];
      ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(out);
      Files.delete(wav);
      Files.delete(raw);
      Files.delete(dir);
      return out;
    } catch (IOException e) {
      throw new AssertionError("making speech failed", e);
    }
  }

  /** The index of the first sample louder than {@code level}, or -1. */
  public static int onset(short[] samples, int level) {
    for (int i = 0; i < samples.length; i++) {
      if (Math.abs(samples[i]) > level) {
        return i;
      }
    }
    return -1;
  }

  /** The index after the last sample louder than {@code level}, or 0. */
  public static int end(short[] samples, int level) {
    for (int i = samples.length - 1; i >= 0; i--) {
      if (Math.abs(samples[i]) > level) {
        return i + 1;
      }
    }
    return 0;
  }

  private static void run(String... command) throws IOException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      String output =
          new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new AssertionError(String.join(" ", command) + " failed: " + output);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
