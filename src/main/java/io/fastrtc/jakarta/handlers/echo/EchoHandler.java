package io.fastrtc.jakarta.handlers.echo;

import io.fastrtc.jakarta.api.AudioFrame;
import io.fastrtc.jakarta.api.Emission;
import io.fastrtc.jakarta.api.StreamHandler;
import java.util.ArrayDeque;

/**
 * Plays every received frame straight back. Extend it with a {@code @RealtimeStream} annotation to
 * deploy an echo stream. Holds at most one second of audio if the client outpaces playback.
 */
public class EchoHandler implements StreamHandler {
  private static final int MAX_PENDING = 50;
  private final ArrayDeque<AudioFrame> pending = new ArrayDeque<>();

  @Override
  public void receive(AudioFrame frame) {
    if (pending.size() == MAX_PENDING) {
      pending.removeFirst();
    }
    pending.addLast(frame);
  }

  @Override
  public Emission emit() {
    AudioFrame next = pending.pollFirst();
    return next == null ? Emission.none() : Emission.audio(next);
  }
}
