package io.fastrtc.jakarta.testing;

import io.fastrtc.jakarta.api.AudioEmission;
import io.fastrtc.jakarta.api.AudioFrame;
import io.fastrtc.jakarta.api.Emission;
import io.fastrtc.jakarta.api.StreamContext;
import io.fastrtc.jakarta.api.StreamHandler;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A handler that records its calls and emits what a test queues. */
public class RecordingHandler implements StreamHandler {
  public final List<AudioFrame> received = new CopyOnWriteArrayList<>();
  public final ArrayDeque<AudioEmission> toEmit = new ArrayDeque<>();
  public final AtomicInteger startUps = new AtomicInteger();
  public final AtomicInteger shutdowns = new AtomicInteger();
  public volatile StreamContext context;
  public volatile RuntimeException failOnReceive;

  @Override
  public void startUp(StreamContext context) {
    this.context = context;
    startUps.incrementAndGet();
  }

  @Override
  public void receive(AudioFrame frame) {
    if (failOnReceive != null) {
      throw failOnReceive;
    }
    received.add(frame);
  }

  @Override
  public synchronized AudioEmission emit() {
    AudioEmission next = toEmit.pollFirst();
    return next == null ? Emission.none() : next;
  }

  @Override
  public void shutdown() {
    shutdowns.incrementAndGet();
  }
}
