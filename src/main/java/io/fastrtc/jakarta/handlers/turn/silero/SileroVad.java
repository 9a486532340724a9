package io.fastrtc.jakarta.handlers.turn.silero;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtSession;
import io.fastrtc.jakarta.handlers.turn.VoiceActivity;
import io.fastrtc.jakarta.handlers.turn.VoiceActivityModel;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Objects;

/**
 * Silero VAD v5 on ONNX Runtime: 512-sample windows (32 ms) at 16 kHz.
 *
 * <p>Load it once per server ({@link #loadBundled()}) and share it: the ONNX Runtime session is
 * thread-safe for inference. Each audio stream opens its own {@link VoiceActivity}, which carries
 * the model's recurrent state and the last 64 samples of the previous window (v5 expects them
 * prepended, so the model's input is 576 samples). Close the model when the server stops.
 */
public final class SileroVad implements VoiceActivityModel, AutoCloseable {

  /** The model's sample rate. */
  public static final int SAMPLE_RATE = 16_000;

  /** Samples in one window: 32 ms at 16 kHz, the only size v5 takes at this rate. */
  public static final int WINDOW_SAMPLES = 512;

  /** Where the bundled model lives on the class path, relative to this class. */
  static final String BUNDLED_MODEL = "silero_vad_v5.onnx";

  static final int CONTEXT_SAMPLES = 64;
  static final int STATE_SIZE = 2 * 128;
  private static final List<String> INPUTS = List.of("input", "state", "sr");
  private static final List<String> OUTPUTS = List.of("output", "stateN");

  private final OrtEnvironment environment;
  private final OrtSession session;

  private SileroVad(OrtEnvironment environment, OrtSession session) {
    this.environment = environment;
    this.session = session;
  }

  /**
   * Loads the Silero VAD v5 model bundled with FastRTC ({@code silero_vad_v5.onnx} next to this
   * class; MIT, from the npm package {@code @ricky0123/vad-web} 0.0.31).
   *
   * @return the loaded model
   * @throws IllegalStateException if the model file is missing or ONNX Runtime cannot load it (for
   *     example when its native library does not load on this platform)
   */
  public static SileroVad loadBundled() {
    byte[] model;
    try (InputStream in = SileroVad.class.getResourceAsStream(BUNDLED_MODEL)) {
      if (in == null) {
        throw new IllegalStateException(
            "Silero VAD: the model resource "
                + SileroVad.class.getPackageName().replace('.', '/')
                + "/"
                + BUNDLED_MODEL
                + " is not on the class path; it ships in the FastRTC WAR and"
                + " fastrtc-classes.jar");
      }
      model = in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException("Silero VAD: cannot read the bundled model: " + e, e);
    }
    return load(model);
  }

  /**
   * Loads a Silero VAD v5 (or v6, which has the same inputs) model from its bytes.
   *
   * @param onnxModel the ONNX file's content
   * @return the loaded model
   * @throws IllegalStateException if ONNX Runtime cannot load it, or it is not a Silero VAD v5/v6
   *     model (inputs {@code input}, {@code state}, {@code sr})
   */
  public static SileroVad load(byte[] onnxModel) {
    Objects.requireNonNull(onnxModel, "onnxModel == null");
    OrtEnvironment environment;
    try {
      environment = OrtEnvironment.getEnvironment(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR);
    } catch (UnsatisfiedLinkError | RuntimeException e) {
      throw new IllegalStateException(
          "Silero VAD: ONNX Runtime's native library did not load ("
              + e
              + "); it is extracted from the onnxruntime jar to java.io.tmpdir ("
              + System.getProperty("java.io.tmpdir")
              + "), which must be writable and not mounted noexec",
          e);
    }
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      // One thread per inference: a window costs a fraction of a millisecond, and many
      // connections run their windows in parallel on the server's executor.
      options.setIntraOpNumThreads(1);
      options.setInterOpNumThreads(1);
      options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
      options.setSessionLogLevel(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR);
      OrtSession session = environment.createSession(onnxModel, options);
      if (!session.getInputNames().containsAll(INPUTS)
          || !session.getOutputNames().containsAll(OUTPUTS)) {
        String found = session.getInputNames() + " -> " + session.getOutputNames();
        session.close();
        throw new IllegalStateException(
            "Silero VAD: not a Silero VAD v5 model: expected inputs "
                + INPUTS
                + " and outputs "
                + OUTPUTS
                + ", found "
                + found);
      }
      return new SileroVad(environment, session);
    } catch (OrtException e) {
      throw new IllegalStateException("Silero VAD: ONNX Runtime cannot load the model: " + e, e);
    }
  }

  /** ONNX Runtime's version, for the start-up log. */
  String runtimeVersion() {
    return environment.getVersion();
  }

  @Override
  public int sampleRate() {
    return SAMPLE_RATE;
  }

  @Override
  public int windowSamples() {
    return WINDOW_SAMPLES;
  }

  @Override
  public VoiceActivity open() {
    return new SileroStream(environment, session);
  }

  /** Closes the ONNX Runtime session; streams still open must not be used afterwards. */
  @Override
  public void close() {
    try {
      session.close();
    } catch (OrtException e) {
      throw new IllegalStateException("Silero VAD: closing the session failed: " + e, e);
    }
  }
}
