package io.fastrtc.jakarta.testkit;

import io.fastrtc.jakarta.api.AudioEmission;
import io.fastrtc.jakarta.api.AudioFrame;
import io.fastrtc.jakarta.api.AudioVideoStreamHandler;
import io.fastrtc.jakarta.api.Emission;
import io.fastrtc.jakarta.api.HandlerLifecycle;
import io.fastrtc.jakarta.api.Mode;
import io.fastrtc.jakarta.api.RealtimeStream;
import io.fastrtc.jakarta.api.StreamHandler;
import io.fastrtc.jakarta.api.VideoFrame;
import io.fastrtc.jakarta.api.VideoGenerator;
import io.fastrtc.jakarta.api.VideoHandler;

/**
 * The runtime's calling order for one handler, on a virtual clock: what {@link HandlerTester} runs
 * on its lane. Not thread-safe: only the lane calls it.
 */
final class HandlerDriver {
  private static final long TOP_UP_MS = 120;
  private static final long LOW_WATER_MS = 60;

  private final HandlerLifecycle handler;
  private final FakeStreamContext context;
  private final Recorder recorder;
  private final boolean audioClock;
  private final long videoTickMicros;
  private volatile boolean closed;
  private long clockMicros;
  private long nextVideoMicros;
  private boolean burst;
  private int silentTicks;

  HandlerDriver(HandlerLifecycle handler, FakeStreamContext context, Recorder recorder) {
    this.handler = handler;
    this.context = context;
    this.recorder = recorder;
    RealtimeStream stream = handler.getClass().getAnnotation(RealtimeStream.class);
    boolean sendOnly = stream != null && stream.mode() == Mode.SEND;
    this.audioClock = handler instanceof StreamHandler && !sendOnly;
    this.videoTickMicros = 1_000_000L / (stream == null ? 30 : stream.fps());
  }

  /** Whether the handler closed the stream or the tester closed. */
  boolean isClosed() {
    return closed;
  }

  /** Stops all further calls but {@code shutdown}. */
  void markClosed() {
    closed = true;
    context.close();
  }

  void startUp() throws Exception {
    handler.startUp(context);
    drain(TOP_UP_MS);
  }

  void receive(AudioFrame frame) throws Exception {
    ((StreamHandler) handler).receive(frame);
    drain(10_000);
  }

  void receive(VideoFrame frame) throws Exception {
    if (handler instanceof AudioVideoStreamHandler av) {
      av.videoReceive(frame);
    } else {
      deliver(((VideoHandler) handler).process(frame));
    }
  }

  /** Moves the clock on in 10 ms steps to {@code endMicros}, from 0 at start. */
  void advanceTo(long endMicros) throws Exception {
    while (clockMicros < endMicros && !closed) {
      clockMicros += 10_000;
      playTick();
      if (audioClock && clockMicros % 20_000 == 0 && context.bufferedAudioMillis() < LOW_WATER_MS) {
        drain(TOP_UP_MS);
      }
      if (clockMicros >= nextVideoMicros && !closed) {
        nextVideoMicros += videoTickMicros;
        if (handler instanceof AudioVideoStreamHandler av) {
          deliver(av.videoEmit());
        } else if (handler instanceof VideoGenerator generator) {
          deliver(generator.next());
        }
      }
    }
  }

  /**
   * Plays 10 ms, and as the runtime does, tells the handler (and the client) that playback ended
   * once the buffer has stayed empty for {@link StreamHandler#PLAYBACK_END_MILLIS} after audio.
   */
  private void playTick() throws Exception {
    if (context.bufferedAudioMillis() > 0) {
      context.addBufferedAudio(-10);
      burst = true;
      silentTicks = 0;
    } else if (burst && ++silentTicks >= StreamHandler.PLAYBACK_END_MILLIS / 10) {
      burst = false;
      context.send("log", "playback_ended");
      ((StreamHandler) handler).playbackEnded();
      drain(TOP_UP_MS);
    }
  }

  long clockMicros() {
    return clockMicros;
  }

  /** {@code emit()} until nothing, a close, or {@code aheadMillis} of audio is buffered. */
  private void drain(long aheadMillis) throws Exception {
    if (!(handler instanceof StreamHandler audio)) {
      return;
    }
    for (int i = 0; i < 200 && !closed; i++) {
      AudioEmission e = audio.emit();
      if (e == null || e instanceof Emission.Nothing) {
        return;
      }
      deliver(e);
      if (e instanceof Emission.Audio && context.bufferedAudioMillis() >= aheadMillis) {
        return;
      }
    }
  }

  private void deliver(Emission emission) {
    if (emission == null || closed) {
      return;
    }
    if (emission instanceof Emission.Audio a) {
      context.addBufferedAudio(a.frame().durationMillis());
    }
    recorder.record(emission);
    if (emission instanceof Emission.Close) {
      markClosed();
    }
  }
}
