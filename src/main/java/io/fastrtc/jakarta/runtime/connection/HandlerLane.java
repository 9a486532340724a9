package io.fastrtc.jakarta.runtime.connection;

import io.fastrtc.jakarta.api.Emission;
import io.fastrtc.jakarta.api.VideoFrame;
import io.fastrtc.jakarta.runtime.stream.StreamDefinition;
import io.fastrtc.jakarta.runtime.wire.ChannelMessages;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One connection's handler lane, shared by audio and video: every handler call runs here one at a
 * time and in order; a call that throws meets the one error policy (the client gets an error
 * message and the connection closes); and whatever a handler returns is delivered here, in one
 * place.
 */
final class HandlerLane {
  private static final Logger LOG = Logger.getLogger(HandlerLane.class.getName());

  /** What one delivery was, so a drain knows whether to go on. */
  enum Delivered {
    AUDIO,
    OTHER,
    STOP
  }

  private final String id;
  private final StreamDefinition definition;
  private final RuntimeServices services;
  private final ConnectionState state;
  private final LaneHost host;
  private final SerialExecutor calls;
  private final AudioOutput audio;
  private final ConnectionOutputs outputs;

  /**
   * @param audio the outgoing audio, or null when the stream sends none
   */
  HandlerLane(
      String id,
      StreamDefinition definition,
      RuntimeServices services,
      ConnectionState state,
      LaneHost host,
      AudioOutput audio,
      ConnectionOutputs outputs) {
    this.id = id;
    this.definition = definition;
    this.services = services;
    this.state = state;
    this.host = host;
    this.calls = new SerialExecutor(services.executor());
    this.audio = audio;
    this.outputs = outputs;
  }

  /** Runs a task on the lane, after every task queued before it. */
  void execute(Runnable task) {
    calls.execute(task);
  }

  /** Whether the handler runs (started and not closing). */
  boolean isStarted() {
    return state.isStarted();
  }

  /** Interrupts the handler call running now, if any (a handler that hangs at close). */
  void interruptRunning() {
    calls.interruptRunning();
  }

  /** How long the lane's current task (handler calls) has been running, or 0 when idle. */
  long busyNanos(long nowNanos) {
    return calls.busyNanos(nowNanos);
  }

  /**
   * Acts on what a handler returned, audio or video alike: plays audio, sends a frame, publishes
   * outputs, or starts closing. The one place that tells emissions apart. Runs on the lane.
   *
   * @param result the handler's result, or null (nothing)
   * @param inputNanos when the input that produced a video result arrived, or 0
   */
  Delivered deliver(Emission result, long inputNanos) {
    if (result instanceof VideoFrame frame) {
      sendVideo(frame, inputNanos);
    } else if (result instanceof Emission.Audio a) {
      if (audio != null) {
        audio.write(a.frame()); // without an output (send mode) FastRTC ignores the audio
      }
      return Delivered.AUDIO;
    } else if (result instanceof Emission.Video v) {
      sendVideo(v.frame(), inputNanos);
      if (!v.outputs().isEmpty()) {
        outputs.publish(v.outputs());
      }
    } else if (result instanceof Emission.Outputs values) {
      outputs.publish(values.values());
    } else if (result instanceof Emission.Close close) {
      host.closeAfterPlayback(close.message());
      return Delivered.STOP;
    } else {
      return Delivered.STOP; // null or Emission.Nothing
    }
    return Delivered.OTHER;
  }

  private void sendVideo(VideoFrame frame, long inputNanos) {
    Transport t = host.transport();
    if (!definition.sendsVideo() || t == null || !state.isStarted()) {
      return; // send mode: FastRTC ignores the handler's frames
    }
    // A frame that cannot be converted is the handler's error: reported and closed like one.
    if (run(() -> t.pushVideo(frame))) {
      services.metrics().videoFrameOut(inputNanos > 0 ? System.nanoTime() - inputNanos : -1);
    }
  }

  /** Runs a handler call that returns nothing; on failure applies the error policy. */
  boolean run(HandlerCall body) {
    try {
      body.run();
      return true;
    } catch (Exception | LinkageError | AssertionError e) {
      failed(e);
      return false;
    }
  }

  /** Runs a handler call; on failure applies the error policy and returns null. */
  <T> T call(HandlerFunction<T> body) {
    try {
      return body.call();
    } catch (Exception | LinkageError | AssertionError e) {
      failed(e);
      return null;
    }
  }

  /** The one error policy: log once, tell the client, close the connection. */
  private void failed(Throwable e) {
    if (!state.isOpen()) {
      return;
    }
    services.metrics().handlerError();
    LOG.log(
        Level.WARNING,
        "Handler " + definition.handlerClass().getName() + " failed on connection " + id,
        e);
    String message = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    host.sendText(ChannelMessages.error(message));
    host.close(EndReason.HANDLER_ERROR);
  }

  /** A handler call that returns nothing. */
  @FunctionalInterface
  interface HandlerCall {
    void run() throws Exception;
  }

  /** A handler call that returns a value. */
  @FunctionalInterface
  interface HandlerFunction<T> {
    T call() throws Exception;
  }
}
