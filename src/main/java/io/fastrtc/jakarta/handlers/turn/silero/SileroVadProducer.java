package io.fastrtc.jakarta.handlers.turn.silero;

import io.fastrtc.jakarta.handlers.ModelLoading;
import io.fastrtc.jakarta.handlers.turn.VoiceActivityModel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import java.util.logging.Logger;

/**
 * Makes Silero VAD v5 the application's {@link VoiceActivityModel}: {@code @Inject
 * VoiceActivityModel model} in a handler gets the one shared model, loaded on first use (so a
 * server whose streams never use it never loads ONNX Runtime) and closed when the application
 * stops.
 *
 * <p>To use another model, declare an {@code @Alternative @Priority(...)} producer of {@link
 * VoiceActivityModel} in your application.
 */
@ApplicationScoped
public class SileroVadProducer {

  private static final Logger LOG = Logger.getLogger(SileroVadProducer.class.getName());

  /**
   * The shared Silero VAD model.
   *
   * @return the model, loaded once per application
   * @throws IllegalStateException if it cannot be loaded; the reason is also logged
   */
  @Produces
  @ApplicationScoped
  public VoiceActivityModel voiceActivityModel() {
    return ModelLoading.<SileroVad>load(
        LOG,
        "Silero VAD",
        "com.microsoft.onnxruntime:onnxruntime",
        SileroVad::loadBundled,
        (model, millis) ->
            String.format(
                "Silero VAD v5 loaded in %d ms (ONNX Runtime %s, %d-sample windows at %d Hz)",
                millis, model.runtimeVersion(), SileroVad.WINDOW_SAMPLES, SileroVad.SAMPLE_RATE));
  }

  /**
   * Closes the model's ONNX Runtime session when the application stops.
   *
   * @param model the produced model
   */
  public void close(@Disposes VoiceActivityModel model) {
    if (model instanceof SileroVad silero) {
      silero.close();
    }
  }
}
