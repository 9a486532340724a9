package io.fastrtc.jakarta.testing;

import dev.onvoid.webrtc.media.audio.AudioTrackSink;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ShortBuffer;
import java.time.Duration;

/**
 * An {@link AudioTrackSink} that keeps the last few seconds of what it hears, downmixed to mono
 * int16, plus counters. libwebrtc calls {@link #onData} on its audio thread every 10 ms while the
 * audio device module plays out; this class only copies there and never blocks.
 */
public final class AudioCapture implements AudioTrackSink {

  private final double keepSeconds;
  private short[] ring = new short[0];
  private int sampleRate;
  private int channels;
  private long frames;
  private long samples;
  private long ignoredFrames;

  /**
   * Creates a capture holding at most {@code keep} of audio.
   *
   * @param keep ring buffer length, e.g. 10 seconds
   */
  public AudioCapture(Duration keep) {
    this.keepSeconds = keep.toMillis() / 1000.0;
    if (keepSeconds <= 0) {
      throw new IllegalArgumentException("keep must be positive: " + keep);
    }
  }

  @Override
  public void onData(byte[] data, int bitsPerSample, int rate, int channelCount, int frameCount) {
    if (bitsPerSample != 16 || channelCount < 1 || rate <= 0 || frameCount <= 0) {
      synchronized (this) {
        ignoredFrames++;
      }
      return;
    }
    ShortBuffer pcm = ByteBuffer.wrap(data).order(ByteOrder.nativeOrder()).asShortBuffer();
    int n = Math.min(frameCount, pcm.remaining() / channelCount);
    synchronized (this) {
      if (rate != sampleRate) {
        sampleRate = rate;
        ring = new short[(int) Math.ceil(keepSeconds * rate)];
        samples = 0;
      }
      channels = channelCount;
      for (int i = 0; i < n; i++) {
        int sum = 0;
        for (int c = 0; c < channelCount; c++) {
          sum += pcm.get(i * channelCount + c);
        }
        ring[(int) (samples % ring.length)] = (short) (sum / channelCount);
        samples++;
      }
      frames++;
      notifyAll();
    }
  }

  /**
   * The most recent audio, oldest sample first.
   *
   * @param last how much audio to return; less is returned if less was received
   * @return mono int16 samples at {@link #sampleRate()}
   */
  public synchronized short[] last(Duration last) {
    long wanted = Math.round(last.toNanos() / 1e9 * sampleRate);
    int n = (int) Math.min(Math.min(wanted, samples), ring.length);
    short[] out = new short[n];
    for (int i = 0; i < n; i++) {
      out[i] = ring[(int) ((samples - n + i) % ring.length)];
    }
    return out;
  }

  /**
   * Sample rate of the received audio (48000 with the headless module), 0 before the first frame.
   *
   * @return samples per second
   */
  public synchronized int sampleRate() {
    return sampleRate;
  }

  /**
   * Channel count of the last frame as delivered, before downmixing.
   *
   * @return channels, 0 before the first frame
   */
  public synchronized int channels() {
    return channels;
  }

  /**
   * Sink callbacks with 16-bit audio so far (one per 10 ms frame).
   *
   * @return frames received
   */
  public synchronized long frames() {
    return frames;
  }

  /**
   * Mono samples received since the last sample-rate change.
   *
   * @return sample count
   */
  public synchronized long samples() {
    return samples;
  }

  /**
   * Waits until at least {@code count} frames in total have been received.
   *
   * @param count the frame count to reach
   * @param timeout how long to wait at most
   * @throws AssertionError on timeout
   */
  public synchronized void awaitFrames(long count, Duration timeout) {
    Await.onMonitor(
        this,
        () -> frames >= count,
        timeout,
        () -> "received " + frames + " audio frames, wanted " + count + " within " + timeout);
  }

  @Override
  public synchronized String toString() {
    return "AudioCapture[frames="
        + frames
        + ", rate="
        + sampleRate
        + ", channels="
        + channels
        + ", ignored="
        + ignoredFrames
        + "]";
  }
}
