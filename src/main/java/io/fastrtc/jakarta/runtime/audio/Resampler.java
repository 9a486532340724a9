package io.fastrtc.jakarta.runtime.audio;

/**
 * A streaming sample-rate converter for mono int16 audio. Implementations keep state between calls
 * so consecutive chunks join without clicks; one instance serves one stream and one thread.
 */
public interface Resampler extends AutoCloseable {

  /** Converts the next chunk; may return fewer samples than expected while it buffers. */
  short[] process(short[] mono);

  /** The input rate. */
  int inputRate();

  /** The output rate. */
  int outputRate();

  /** Frees native resources. */
  @Override
  void close();

  /** Creates resamplers; the runtime's implementation uses libwebrtc's resampler. */
  interface Factory {
    /**
     * Creates a resampler.
     *
     * @throws IllegalArgumentException when a rate is not supported
     */
    Resampler create(int inputRate, int outputRate);
  }

  /** A resampler that returns its input, for equal rates. */
  static Resampler identity(int rate) {
    return new Resampler() {
      @Override
      public short[] process(short[] mono) {
        return mono;
      }

      @Override
      public int inputRate() {
        return rate;
      }

      @Override
      public int outputRate() {
        return rate;
      }

      @Override
      public void close() {}
    };
  }
}
