package io.fastrtc.jakarta.runtime.audio;

import io.fastrtc.jakarta.api.AudioFrame;
import java.util.function.Consumer;

/**
 * The incoming side of one connection: mono chunks of any size at the transport's rate become 20 ms
 * frames at the handler's input rate. One producer thread; {@link #close()} frees the resampler.
 */
public final class InputAudio implements AutoCloseable {
  private final int targetRate;
  private final Resampler.Factory resamplers;
  private final Consumer<AudioFrame> sink;
  private int sourceRate;
  private FrameAssembler assembler;
  private Resampler resampler;

  /**
   * @param targetRate the handler's input rate
   * @param resamplers creates the converter when the source rate differs
   * @param sink receives each 20 ms frame
   */
  public InputAudio(int targetRate, Resampler.Factory resamplers, Consumer<AudioFrame> sink) {
    this.targetRate = targetRate;
    this.resamplers = resamplers;
    this.sink = sink;
  }

  /** Accepts mono samples at {@code rate}. */
  public void accept(short[] mono, int rate) {
    accept(mono, mono.length, rate);
  }

  /**
   * Accepts the first {@code count} mono samples of {@code mono} at {@code rate}; the array is not
   * kept, so a caller may reuse it.
   */
  public synchronized void accept(short[] mono, int count, int rate) {
    if (rate != sourceRate) {
      close();
      sourceRate = rate;
      resampler = resamplers.create(rate, targetRate);
      assembler = new FrameAssembler(rate / 50, this::emit);
    }
    assembler.accept(mono, count);
  }

  private void emit(short[] frame) {
    short[] converted = resampler.process(frame);
    if (converted.length > 0) {
      sink.accept(AudioFrame.mono(targetRate, converted));
    }
  }

  @Override
  public synchronized void close() {
    if (resampler != null) {
      resampler.close();
      resampler = null;
    }
    sourceRate = 0;
  }
}
