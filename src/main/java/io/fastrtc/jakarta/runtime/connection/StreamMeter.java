package io.fastrtc.jakarta.runtime.connection;

import java.util.concurrent.atomic.LongAdder;

/**
 * The figures of one stream over one transport ({@code webrtc}, {@code websocket}, {@code
 * telephone}), summed over its connections since the application started and never reset: audio and
 * video frames in and out, input dropped because a handler fell behind, late clock ticks, handler
 * errors and the CPU time of handler calls. Every count also goes to the server-wide {@link
 * RuntimeMetrics} (what {@code /api/status} shows and resets). Lock-free; cheap enough for every
 * frame.
 */
public final class StreamMeter {
  private final String stream;
  private final String transport;
  private final RuntimeMetrics server;
  private final LongAdder framesIn = new LongAdder();
  private final LongAdder framesOut = new LongAdder();
  private final LongAdder inputDropped = new LongAdder();
  private final LongAdder lateTicks = new LongAdder();
  private final LongAdder handlerErrors = new LongAdder();
  private final LongAdder videoIn = new LongAdder();
  private final LongAdder videoOut = new LongAdder();
  private final LongAdder handlerCpuNanos = new LongAdder();
  private final LongAdder handlerCallsTimed = new LongAdder();

  StreamMeter(String stream, String transport, RuntimeMetrics server) {
    this.stream = stream;
    this.transport = transport;
    this.server = server;
  }

  /** The stream's name. */
  public String stream() {
    return stream;
  }

  /**
   * The transport's label: {@code webrtc}, {@code websocket}, {@code telephone} or {@code unknown}.
   */
  public String transport() {
    return transport;
  }

  /** Audio frames received from clients. */
  public long framesIn() {
    return framesIn.sum();
  }

  /** Audio frames (10 ms) sent to clients. */
  public long framesOut() {
    return framesOut.sum();
  }

  /** Input audio frames dropped because a handler fell 5 s behind. */
  public long inputFramesDropped() {
    return inputDropped.sum();
  }

  /**
   * Clock ticks that ran more than one frame late, counted once for each of this stream's
   * connections the tick served.
   */
  public long lateTicks() {
    return lateTicks.sum();
  }

  /** Handler calls that threw or hung. */
  public long handlerErrors() {
    return handlerErrors.sum();
  }

  /** Video frames received. */
  public long videoFramesIn() {
    return videoIn.sum();
  }

  /** Video frames sent. */
  public long videoFramesOut() {
    return videoOut.sum();
  }

  /**
   * The CPU time spent in handler calls, in seconds: measured on every {@link
   * HandlerCpu#SAMPLE_EVERY}th call of each connection and scaled up, so an estimate.
   */
  public double handlerCpuSeconds() {
    return handlerCpuNanos.sum() / 1e9;
  }

  /** How many handler calls were timed for {@link #handlerCpuSeconds()}. */
  public long handlerCallsTimed() {
    return handlerCallsTimed.sum();
  }

  void frameIn() {
    framesIn.increment();
    server.frameIn();
  }

  void inputDropped() {
    inputDropped.increment();
    server.inputDropped();
  }

  void frameOut() {
    framesOut.increment();
    server.frameOut();
  }

  /** A late clock tick served one of this stream's connections (the server counts ticks itself). */
  void lateTick() {
    lateTicks.increment();
  }

  void handlerError() {
    handlerErrors.increment();
    server.handlerError();
  }

  /** Records the added latency of one output chunk, here, server-wide and for the listeners. */
  void latencyNanos(long nanos) {
    server.latencyNanos(nanos);
    server.events().addedLatency(this, nanos);
  }

  void videoFrameIn() {
    videoIn.increment();
    server.videoFrameIn();
  }

  /** A video frame went out; {@code latencyNanos} is -1 for generated frames. */
  void videoFrameOut(long latencyNanos) {
    videoOut.increment();
    server.videoFrameOut(latencyNanos);
  }

  /** One timed handler call's CPU time, already scaled for the calls not timed. */
  void handlerCpu(long nanos) {
    handlerCpuNanos.add(nanos);
    handlerCallsTimed.increment();
  }

  /** The server-wide counters (for the video figures only they keep). */
  RuntimeMetrics server() {
    return server;
  }
}
