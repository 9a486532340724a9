package io.fastrtc.jakarta.handlers.echo;

import io.fastrtc.jakarta.api.AudioEmission;
import io.fastrtc.jakarta.api.AudioFrame;
import io.fastrtc.jakarta.api.Emission;
import io.fastrtc.jakarta.api.StreamContext;
import io.fastrtc.jakarta.api.StreamHandler;
import java.util.ArrayDeque;

/**
 * Plays every received frame straight back. Extend it with a {@code @RealtimeStream} annotation to
 * deploy an echo stream.
 *
 * <p>Latency stays bounded: when more than {@link #MAX_LAG_MILLIS} of echo is already waiting to be
 * sent (a burst of input after a stall, or a client clock running slightly fast), incoming frames
 * are dropped instead of queued, so the echo never drifts behind the speaker.
 */
public class EchoHandler implements StreamHandler {
  /** Echo waiting to be sent above which input is dropped. */
  public static final long MAX_LAG_MILLIS = 60;

  private static final int MAX_PENDING = 50;
  private final ArrayDeque<AudioFrame> pending = new ArrayDeque<>();
  private StreamContext context;
  private long dropped;

  @Override
  public void startUp(StreamContext context) {
    this.context = context;
  }

  @Override
  public void receive(AudioFrame frame) {
    if (context != null && context.bufferedAudioMillis() > MAX_LAG_MILLIS) {
      dropped++;
      return;
    }
    if (pending.size() == MAX_PENDING) {
      pending.removeFirst();
    }
    pending.addLast(frame);
  }

  @Override
  public AudioEmission emit() {
    AudioFrame next = pending.pollFirst();
    return next == null ? Emission.none() : Emission.audio(next);
  }

  /** Frames dropped to keep latency bounded. */
  protected long droppedFrames() {
    return dropped;
  }
}
