package io.fastrtc.jakarta.runtime.webrtc;

import dev.onvoid.webrtc.media.audio.AudioResampler;
import io.fastrtc.jakarta.runtime.audio.Pcm;
import io.fastrtc.jakarta.runtime.audio.Resampler;

/**
 * libwebrtc's streaming resampler ({@code PushResampler}), which takes exactly 10 ms per call; this
 * class buffers any chunk size into 10 ms blocks and keeps the remainder.
 */
final class NativeResampler implements Resampler {
  private final AudioResampler resampler;
  private final int inputRate;
  private final int outputRate;
  private final short[] pending;
  private final byte[] inBytes;
  private final byte[] outBytes;
  private int pendingCount;
  private boolean closed;

  NativeResampler(int inputRate, int outputRate) {
    if (inputRate % 100 != 0 || outputRate % 100 != 0) {
      throw new IllegalArgumentException(
          "sample rates must be multiples of 100 Hz (10 ms must be a whole number of samples): "
              + inputRate
              + " -> "
              + outputRate);
    }
    NativeLibrary.load();
    this.inputRate = inputRate;
    this.outputRate = outputRate;
    this.resampler = new AudioResampler(inputRate, outputRate, 1);
    this.pending = new short[inputRate / 100];
    this.inBytes = new byte[pending.length * 2];
    this.outBytes = new byte[outputRate / 100 * 2];
  }

  static Resampler.Factory factory() {
    return (in, out) -> in == out ? Resampler.identity(in) : new NativeResampler(in, out);
  }

  @Override
  public synchronized short[] process(short[] mono) {
    if (closed) {
      throw new IllegalStateException("resampler is closed");
    }
    int outBlock = outputRate / 100;
    int blocks = (pendingCount + mono.length) / pending.length;
    short[] out = new short[blocks * outBlock];
    int outCount = 0;
    int offset = 0;
    while (offset < mono.length) {
      int n = Math.min(pending.length - pendingCount, mono.length - offset);
      System.arraycopy(mono, offset, pending, pendingCount, n);
      pendingCount += n;
      offset += n;
      if (pendingCount == pending.length) {
        Pcm.toBytes(pending, pending.length, inBytes);
        resampler.resample(inBytes, pending.length, outBytes, outBlock, 1);
        Pcm.toShorts(outBytes, outBlock, out, outCount);
        outCount += outBlock;
        pendingCount = 0;
      }
    }
    return out;
  }

  @Override
  public int inputRate() {
    return inputRate;
  }

  @Override
  public int outputRate() {
    return outputRate;
  }

  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      resampler.dispose();
    }
  }
}
