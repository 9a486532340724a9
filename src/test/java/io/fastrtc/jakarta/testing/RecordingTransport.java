package io.fastrtc.jakarta.testing;

import io.fastrtc.jakarta.api.VideoFrame;
import io.fastrtc.jakarta.runtime.connection.Transport;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A {@link Transport} that records what the runtime sends, for unit tests. */
public final class RecordingTransport implements Transport {
  public final List<String> messages = new CopyOnWriteArrayList<>();
  public final List<short[]> frames = new CopyOnWriteArrayList<>();
  public final List<VideoFrame> videoFrames = new CopyOnWriteArrayList<>();
  public final AtomicInteger closes = new AtomicInteger();
  public final AtomicInteger silences = new AtomicInteger();
  public final List<Long> flushes = new CopyOnWriteArrayList<>();
  public volatile boolean phone;
  public volatile boolean reportsPlayback;
  public volatile int nativeRate;
  public final List<Integer> rates = new CopyOnWriteArrayList<>();

  @Override
  public void sendText(String message) {
    messages.add(message);
  }

  @Override
  public void pushAudio(short[] frame, int sampleRate, int channels) {
    frames.add(frame.clone());
    rates.add(sampleRate);
  }

  @Override
  public int nativeAudioRate() {
    return nativeRate;
  }

  /** Counts the silent frame, then records it like the default does. */
  @Override
  public void pushSilence(short[] frame, int sampleRate, int channels) {
    silences.incrementAndGet();
    pushAudio(frame, sampleRate, channels);
  }

  @Override
  public void onFlush(long droppedMillis) {
    flushes.add(droppedMillis);
  }

  @Override
  public boolean reportsPlaybackEnd() {
    return reportsPlayback;
  }

  @Override
  public boolean isPhone() {
    return phone;
  }

  @Override
  public void pushVideo(VideoFrame frame) {
    videoFrames.add(frame);
  }

  @Override
  public void close() {
    closes.incrementAndGet();
  }
}
