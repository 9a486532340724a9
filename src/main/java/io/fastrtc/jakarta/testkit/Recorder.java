package io.fastrtc.jakarta.testkit;

import io.fastrtc.jakarta.api.AudioFrame;
import io.fastrtc.jakarta.api.Emission;
import io.fastrtc.jakarta.api.VideoFrame;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** What a handler returned, by kind, in order, with timed waits (okhttp's WebSocketRecorder). */
final class Recorder {
  final BlockingQueue<AudioFrame> audio = new LinkedBlockingQueue<>();
  final BlockingQueue<VideoFrame> video = new LinkedBlockingQueue<>();
  final BlockingQueue<List<Object>> outputs = new LinkedBlockingQueue<>();
  final BlockingQueue<String> closes = new LinkedBlockingQueue<>();

  /**
   * Records one emission as the runtime delivers it: audio, a frame, a frame's outputs, outputs, or
   * a close; nothing for {@link Emission#none()}.
   */
  void record(Emission emission) {
    if (emission instanceof Emission.Audio a) {
      audio.add(a.frame());
    } else if (emission instanceof VideoFrame frame) {
      video.add(frame);
    } else if (emission instanceof Emission.Video v) {
      video.add(v.frame());
      if (!v.outputs().isEmpty()) {
        outputs.add(v.outputs());
      }
    } else if (emission instanceof Emission.Outputs o) {
      outputs.add(o.values());
    } else if (emission instanceof Emission.Close c) {
      closes.add(c.message());
    }
  }

  /**
   * The next recorded item, waiting up to {@code timeout}.
   *
   * @throws AssertionError naming {@code what} when nothing comes in time
   */
  static <T> T await(BlockingQueue<T> queue, String what, Duration timeout) {
    try {
      T next = queue.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
      if (next == null) {
        throw new AssertionError("no " + what + " within " + timeout);
      }
      return next;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for " + what, e);
    }
  }

  /** Fails when {@code queue} holds anything. */
  static void assertEmpty(BlockingQueue<?> queue, String what) {
    Object next = queue.peek();
    if (next != null) {
      throw new AssertionError("expected no more " + what + " but got " + next);
    }
  }
}
