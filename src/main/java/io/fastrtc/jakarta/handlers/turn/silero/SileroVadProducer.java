package io.fastrtc.jakarta.handlers.turn.silero;

import io.fastrtc.jakarta.handlers.turn.VoiceActivityModel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import java.util.logging.Level;
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
    long start = System.nanoTime();
    SileroVad model;
    try {
      model = SileroVad.loadBundled();
    } catch (IllegalStateException e) {
      LOG.log(Level.SEVERE, e.getMessage(), e);
      throw e;
    } catch (NoClassDefFoundError e) {
      IllegalStateException missing =
          new IllegalStateException(
              "Silero VAD: ONNX Runtime is not on the class path ("
                  + e.getMessage()
                  + "); add com.microsoft.onnxruntime:onnxruntime to the application's"
                  + " WEB-INF/lib",
              e);
      LOG.log(Level.SEVERE, missing.getMessage(), e);
      throw missing;
    }
    LOG.info(
        () ->
            String.format(
                "Silero VAD v5 loaded in %d ms (ONNX Runtime %s, %d-sample windows at %d Hz)",
                (System.nanoTime() - start) / 1_000_000,
                model.runtimeVersion(),
                SileroVad.WINDOW_SAMPLES,
                SileroVad.SAMPLE_RATE));
    return model;
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
