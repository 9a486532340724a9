package io.fastrtc.jakarta.runtime.connection;

import java.util.ArrayDeque;

/**
 * The outgoing audio of one connection at its output rate: the handler writes chunks of any size
 * faster than real time, the shared clock reads one 10 ms frame per tick. {@link #flush()} drops
 * everything not yet played (interruption). Thread-safe.
 */
final class OutboundAudio {
  private final int sampleRate;
  private final int channels;
  private final int frameSamples;
  private final ArrayDeque<Chunk> chunks = new ArrayDeque<>();
  private int headOffset;
  private long bufferedSamples;

  // The chunk owns its array: write() hands over a fresh array and nothing else keeps it.
  @SuppressWarnings("ArrayRecordComponent")
  private record Chunk(short[] samples, long producedNanos) {}

  /**
   * @param sampleRate output rate; must be a multiple of 100 so a 10 ms frame is whole
   * @param channels 1 or 2 (interleaved)
   */
  OutboundAudio(int sampleRate, int channels) {
    if (sampleRate % 100 != 0) {
      throw new IllegalArgumentException("sampleRate must be a multiple of 100: " + sampleRate);
    }
    this.sampleRate = sampleRate;
    this.channels = channels;
    this.frameSamples = sampleRate / 100 * channels;
  }

  /** Samples (all channels) in one 10 ms frame. */
  int frameSamples() {
    return frameSamples;
  }

  /** The output rate. */
  int sampleRate() {
    return sampleRate;
  }

  /** The channel count. */
  int channels() {
    return channels;
  }

  /**
   * Appends interleaved samples.
   *
   * @param producedNanos {@link System#nanoTime()} of the input that caused this audio, for latency
   */
  synchronized void write(short[] samples, long producedNanos) {
    if (samples.length == 0) {
      return;
    }
    chunks.addLast(new Chunk(samples, producedNanos));
    bufferedSamples += samples.length;
  }

  /**
   * Fills {@code frame} (length {@link #frameSamples()}) with the next 10 ms, padding with silence.
   *
   * @return the production time of the first chunk that contributed samples, or -1 when the frame
   *     is pure silence
   */
  synchronized long read(short[] frame) {
    int filled = 0;
    long produced = -1;
    while (filled < frame.length && !chunks.isEmpty()) {
      Chunk head = chunks.peekFirst();
      if (produced < 0 && headOffset == 0) {
        produced = head.producedNanos();
      }
      int n = Math.min(frame.length - filled, head.samples().length - headOffset);
      System.arraycopy(head.samples(), headOffset, frame, filled, n);
      filled += n;
      headOffset += n;
      bufferedSamples -= n;
      if (headOffset == head.samples().length) {
        chunks.removeFirst();
        headOffset = 0;
      }
    }
    for (int i = filled; i < frame.length; i++) {
      frame[i] = 0;
    }
    return filled == 0 ? -1 : Math.max(produced, 0);
  }

  /** Drops all audio not yet read. Returns the milliseconds dropped. */
  synchronized long flush() {
    long dropped = bufferedMillis();
    chunks.clear();
    headOffset = 0;
    bufferedSamples = 0;
    return dropped;
  }

  /** Milliseconds of audio waiting to be played. */
  synchronized long bufferedMillis() {
    return bufferedSamples * 1000 / ((long) sampleRate * channels);
  }
}
