package io.fastrtc.jakarta.handlers;

import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Loads a built-in engine's model the same way for each (Silero VAD, Vosk): an {@link
 * IllegalStateException} from the load (it says what is wrong and what to add) is logged as SEVERE
 * and rethrown; a library missing from the class path becomes one that names the artifact to add; a
 * successful load is logged at INFO with the time it took.
 */
public final class ModelLoading {
  private ModelLoading() {}

  /**
   * Loads a model.
   *
   * @param log where to log, the engine's logger
   * @param engine the engine's name as messages start, e.g. {@code "Silero VAD"}
   * @param library what to add when its library is missing, e.g. {@code
   *     "com.microsoft.onnxruntime:onnxruntime"}
   * @param loader loads the model
   * @param loaded the INFO line, from the model and the milliseconds the load took
   * @param <T> the model
   * @return the loaded model
   * @throws IllegalStateException saying what to add when the model or its library is missing
   */
  public static <T> T load(
      Logger log,
      String engine,
      String library,
      Supplier<? extends T> loader,
      BiFunction<? super T, Long, String> loaded) {
    Objects.requireNonNull(loader, "loader == null");
    long start = System.nanoTime();
    T model;
    try {
      model = loader.get();
    } catch (IllegalStateException e) {
      log.log(Level.SEVERE, e.getMessage(), e);
      throw e;
    } catch (NoClassDefFoundError e) {
      IllegalStateException missing =
          new IllegalStateException(
              engine
                  + ": its library is not on the class path ("
                  + e.getMessage()
                  + "); add "
                  + library
                  + " to the application's WEB-INF/lib",
              e);
      log.log(Level.SEVERE, missing.getMessage(), e);
      throw missing;
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    log.info(() -> loaded.apply(model, millis));
    return model;
  }
}
