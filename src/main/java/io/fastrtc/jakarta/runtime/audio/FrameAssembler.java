package io.fastrtc.jakarta.runtime.audio;

import java.util.function.Consumer;

/**
 * Collects mono samples of any chunk size and hands out fixed-size frames, keeping the remainder
 * for the next call. Not thread-safe: one producer thread.
 */
final class FrameAssembler {
  private final short[] frame;
  private final Consumer<short[]> sink;
  private int filled;

  /**
   * @param frameSize samples per emitted frame
   * @param sink receives each complete frame (a fresh array it may keep)
   */
  FrameAssembler(int frameSize, Consumer<short[]> sink) {
    if (frameSize <= 0) {
      throw new IllegalArgumentException("frameSize must be positive: " + frameSize);
    }
    this.frame = new short[frameSize];
    this.sink = sink;
  }

  /** Appends samples, emitting every completed frame. */
  void accept(short[] samples) {
    accept(samples, samples.length);
  }

  /** Appends the first {@code count} samples, emitting every completed frame. */
  void accept(short[] samples, int count) {
    int offset = 0;
    while (offset < count) {
      int n = Math.min(frame.length - filled, count - offset);
      System.arraycopy(samples, offset, frame, filled, n);
      filled += n;
      offset += n;
      if (filled == frame.length) {
        sink.accept(frame.clone());
        filled = 0;
      }
    }
  }

  /** Samples waiting for the next frame. */
  int pending() {
    return filled;
  }
}
