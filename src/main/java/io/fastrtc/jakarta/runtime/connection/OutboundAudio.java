package io.fastrtc.jakarta.runtime.connection;

/**
 * The outgoing audio of one connection at its output rate: the handler writes chunks of any size
 * faster than real time, the shared clock reads one 10 ms frame per tick. {@link #flush()} drops
 * everything not yet played (interruption). Thread-safe. The samples are copied into a ring that
 * grows when a handler writes further ahead than ever before and is otherwise reused, so steady
 * streaming allocates nothing here.
 */
final class OutboundAudio {
  private static final int INITIAL_SAMPLES = 1 << 14; // 340 ms at 48 kHz
  private static final int INITIAL_MARKS = 64;

  private final int sampleRate;
  private final int channels;
  private final int frameSamples;
  private short[] ring = new short[INITIAL_SAMPLES];
  private long writePos; // samples ever written
  private long readPos; // samples ever read or flushed

  // Where each write began (a sample position) and the production time it carries, oldest first.
  private long[] markPos = new long[INITIAL_MARKS];
  private long[] markNanos = new long[INITIAL_MARKS];
  private int markHead;
  private int markCount;

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
   * Appends interleaved samples (copied; the caller keeps its array).
   *
   * @param producedNanos {@link System#nanoTime()} of the input that caused this audio, for latency
   */
  void write(short[] samples, long producedNanos) {
    write(samples, samples.length, producedNanos);
  }

  /** Appends the first {@code count} samples of {@code samples}. */
  synchronized void write(short[] samples, int count, long producedNanos) {
    if (count == 0) {
      return;
    }
    int buffered = (int) (writePos - readPos);
    if (buffered + count > ring.length) {
      growRing(buffered + count);
    }
    int mask = ring.length - 1;
    int at = (int) (writePos & mask);
    int first = Math.min(count, ring.length - at);
    System.arraycopy(samples, 0, ring, at, first);
    System.arraycopy(samples, first, ring, 0, count - first);
    if (markCount == markPos.length) {
      growMarks();
    }
    int m = (markHead + markCount) & (markPos.length - 1);
    markPos[m] = writePos;
    markNanos[m] = producedNanos;
    markCount++;
    writePos += count;
  }

  /**
   * Fills {@code frame} (length {@link #frameSamples()}) with the next 10 ms, padding with silence.
   *
   * @return the production time of the first write that began within this frame, 0 when the frame
   *     only continues earlier writes, or -1 when the frame is pure silence
   */
  synchronized long read(short[] frame) {
    int filled = (int) Math.min(frame.length, writePos - readPos);
    int mask = ring.length - 1;
    int at = (int) (readPos & mask);
    int first = Math.min(filled, ring.length - at);
    System.arraycopy(ring, at, frame, 0, first);
    System.arraycopy(ring, 0, frame, first, filled - first);
    for (int i = filled; i < frame.length; i++) {
      frame[i] = 0;
    }
    long produced = -1;
    long end = readPos + filled;
    while (markCount > 0 && markPos[markHead] < end) {
      if (produced < 0) {
        produced = markNanos[markHead];
      }
      markHead = (markHead + 1) & (markPos.length - 1);
      markCount--;
    }
    readPos = end;
    return filled == 0 ? -1 : Math.max(produced, 0);
  }

  /** Drops all audio not yet read. Returns the milliseconds dropped. */
  synchronized long flush() {
    long dropped = bufferedMillis();
    readPos = writePos;
    markHead = 0;
    markCount = 0;
    return dropped;
  }

  /** Milliseconds of audio waiting to be played. */
  synchronized long bufferedMillis() {
    return (writePos - readPos) * 1000 / ((long) sampleRate * channels);
  }

  private void growRing(int needed) {
    int size = ring.length;
    while (size < needed) {
      size <<= 1;
    }
    short[] bigger = new short[size];
    int buffered = (int) (writePos - readPos);
    int mask = ring.length - 1;
    for (int i = 0; i < buffered; i++) {
      bigger[(int) ((readPos + i) & (size - 1))] = ring[(int) ((readPos + i) & mask)];
    }
    ring = bigger;
  }

  private void growMarks() {
    int size = markPos.length * 2;
    long[] pos = new long[size];
    long[] nanos = new long[size];
    for (int i = 0; i < markCount; i++) {
      int from = (markHead + i) & (markPos.length - 1);
      pos[i] = markPos[from];
      nanos[i] = markNanos[from];
    }
    markPos = pos;
    markNanos = nanos;
    markHead = 0;
  }
}
