package io.fastrtc.jakarta.handlers.turn.silero;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.fastrtc.jakarta.handlers.turn.VoiceActivity;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.Arrays;
import java.util.Map;

/**
 * One stream's Silero state: the recurrent state {@code [2, 1, 128]} and the previous window's last
 * 64 samples. Holds no native memory between calls: each call's tensors and results are closed
 * before it returns, whatever happens.
 */
final class SileroStream implements VoiceActivity {

  private static final long[] INPUT_SHAPE = {
    1, SileroVad.CONTEXT_SAMPLES + SileroVad.WINDOW_SAMPLES
  };
  private static final long[] STATE_SHAPE = {2, 1, 128};
  private static final long[] SCALAR = {};

  private final OrtEnvironment environment;
  private final OrtSession session;
  private final float[] input = new float[SileroVad.CONTEXT_SAMPLES + SileroVad.WINDOW_SAMPLES];
  private float[] state = new float[SileroVad.STATE_SIZE];
  private boolean closed;

  SileroStream(OrtEnvironment environment, OrtSession session) {
    this.environment = environment;
    this.session = session;
  }

  @Override
  public float speechProbability(float[] window) {
    if (closed) {
      throw new IllegalStateException("this voice activity is closed");
    }
    if (window.length != SileroVad.WINDOW_SAMPLES) {
      throw new IllegalArgumentException(
          "a Silero VAD window is "
              + SileroVad.WINDOW_SAMPLES
              + " samples at 16 kHz, got "
              + window.length);
    }
    // input = the previous window's last 64 samples (the context), then this window.
    System.arraycopy(window, 0, input, SileroVad.CONTEXT_SAMPLES, window.length);
    try (OnnxTensor audio =
            OnnxTensor.createTensor(environment, FloatBuffer.wrap(input), INPUT_SHAPE);
        OnnxTensor recurrent =
            OnnxTensor.createTensor(environment, FloatBuffer.wrap(state), STATE_SHAPE);
        OnnxTensor rate =
            OnnxTensor.createTensor(
                environment, LongBuffer.wrap(new long[] {SileroVad.SAMPLE_RATE}), SCALAR);
        OrtSession.Result result =
            session.run(Map.of("input", audio, "state", recurrent, "sr", rate))) {
      float probability = floats(result, "output")[0];
      state = floats(result, "stateN");
      return probability;
    } catch (OrtException e) {
      throw new IllegalStateException("Silero VAD inference failed: " + e, e);
    } finally {
      System.arraycopy(
          input, input.length - SileroVad.CONTEXT_SAMPLES, input, 0, SileroVad.CONTEXT_SAMPLES);
    }
  }

  private static float[] floats(OrtSession.Result result, String name) {
    OnnxTensor tensor =
        (OnnxTensor)
            result
                .get(name)
                .orElseThrow(() -> new IllegalStateException("Silero VAD: no output " + name));
    FloatBuffer buffer = tensor.getFloatBuffer();
    float[] values = new float[buffer.remaining()];
    buffer.get(values);
    return values;
  }

  @Override
  public void reset() {
    Arrays.fill(state, 0f);
    Arrays.fill(input, 0f);
  }

  @Override
  public void close() {
    closed = true;
  }
}
