package io.fastrtc.jakarta.runtime.connection;

import io.fastrtc.jakarta.api.AudioFrame;
import io.fastrtc.jakarta.api.OutputSubscriber;
import io.fastrtc.jakarta.api.OutputSubscription;
import io.fastrtc.jakarta.api.StreamContext;
import io.fastrtc.jakarta.api.StreamHandler;
import io.fastrtc.jakarta.api.StreamUser;
import io.fastrtc.jakarta.api.VideoFrame;
import io.fastrtc.jakarta.runtime.stream.StreamDefinition;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * One live connection: its {@link ConnectionState} machine and the one ordered close path, over
 * parts of one job each: the {@link HandlerLane} every handler call runs on (with its {@link
 * AudioLane} and {@link VideoLane}), the {@link AudioOutput}, the {@link ConnectionInputs}, the
 * {@link ConnectionOutputs} and the {@link ConnectionTimers}. Replaces FastRTC's parallel per-id
 * dictionaries. Every way a connection ends goes through {@link #close(EndReason)}, which runs once
 * and ends with the {@link HandlerShutdown}.
 */
public final class Connection {
  private final String id;
  private final StreamDefinition definition;
  private final HandlerLease lease;
  private final ConnectionState state = new ConnectionState();
  private final CloseListeners closeListeners = new CloseListeners();
  private final TransportRelease release = new TransportRelease();

  private final StreamContext context;
  private final ConnectionInputs inputs;
  private final ConnectionOutputs outputs;
  private final ConnectionTimers timers;
  private final AudioOutput audio;
  private final HandlerLane lane;
  private final AudioLane audioLane;
  private final VideoLane video;
  private final FaultWatch faults;
  private final PlaybackClock playback;
  private volatile Transport transport;
  private volatile EndReason endReason;
  private final long openedNanos = System.nanoTime();
  private volatile String remoteAddress = "unknown";

  Connection(
      String id,
      StreamDefinition definition,
      HandlerLease lease,
      StreamUser owner,
      RuntimeServices services,
      StreamMeter meter) {
    this.id = id;
    this.definition = definition;
    this.lease = lease;
    this.inputs = new ConnectionInputs(definition.inputs().defaults());
    this.outputs = new ConnectionOutputs(id, definition, this::sendText, services.executor());
    this.timers = new ConnectionTimers(services.scheduler());
    this.audio =
        definition.sendsAudio()
            ? new AudioOutput(definition.outputSampleRate(), services.resamplers(), meter)
            : null;
    LaneHost host = new ConnectionHost(this, state, timers, audio);
    this.lane = new HandlerLane(id, definition, services, state, host, audio, outputs, meter);
    this.audioLane =
        definition.modality().hasAudio() && lease.handler() instanceof StreamHandler h
            ? new AudioLane(lane, id, definition.name(), h, audio, meter)
            : null;
    this.video =
        definition.modality().hasVideo()
            ? new VideoLane(lane, id, definition, lease.handler(), services, meter)
            : null;
    this.faults =
        new FaultWatch(
            id, definition.name(), definition.mode().clientSends(), lane, host, services, meter);
    this.playback = new PlaybackClock(this, state, audio, audioLane);
    this.context = new ConnectionContext(this, inputs, audio, owner);
  }

  /** The client-chosen id. */
  public String id() {
    return id;
  }

  /** The stream this connection belongs to. */
  public StreamDefinition definition() {
    return definition;
  }

  /** The user who opened it under single sign-on; empty without (and for phone calls). */
  public java.util.Optional<StreamUser> owner() {
    return context.user();
  }

  /** Whether the connection has not started closing. */
  public boolean isOpen() {
    return state.isOpen();
  }

  /** Why the connection closed, or null while open. */
  public EndReason endReason() {
    return endReason;
  }

  /** The media side, or null before {@link #attach(Transport)}. */
  public Transport transport() {
    return transport;
  }

  /** Its timers (for the registry's metrics: connect time and age). */
  ConnectionTimers timers() {
    return timers;
  }

  /** Connects the media side. Must be called before {@link #start()}. */
  public void attach(Transport transport) {
    attach(transport, null);
  }

  /**
   * Connects the media side of a client at {@code remoteAddress} and logs the connection's opening
   * line. Must be called before {@link #start()}.
   *
   * @param remoteAddress the client's address, or null when the transport cannot tell
   */
  public void attach(Transport transport, String remoteAddress) {
    if (audio != null && transport.nativeAudioRate() > 0) {
      audio.useRate(transport.nativeAudioRate());
    }
    this.transport = transport;
    this.remoteAddress =
        remoteAddress == null || remoteAddress.isBlank() ? "unknown" : remoteAddress;
    ConnectionLog.opened(this, transport.kind(), this.remoteAddress);
  }

  /** Runs {@code listener} once when the connection closes. */
  public void onClose(Consumer<Connection> listener) {
    closeListeners.add(listener);
  }

  /** Receives every additional output the handler emits. */
  public void onOutputs(Consumer<List<Object>> listener) {
    outputs.onOutputs(listener);
  }

  /**
   * Subscribes to this connection's additional outputs: first the kept outputs numbered after
   * {@code afterSequence}, then live ones, until the connection closes.
   */
  public OutputSubscription subscribeOutputs(long afterSequence, OutputSubscriber subscriber) {
    return outputs.subscribe(afterSequence, subscriber);
  }

  /**
   * Replaces the inputs atomically (FastRTC's {@code set_input}): {@code update} maps the current
   * value to the new one, or throws to keep it. Wakes a handler waiting for inputs.
   *
   * @return the new value
   */
  public Object updateInputs(UnaryOperator<Object> update) {
    return inputs.update(update);
  }

  /** The current inputs: a record of the stream's inputs type, or a map for untyped streams. */
  public Object inputs() {
    return inputs.value();
  }

  /** Closes the connection unless it reaches "connected" within {@code timeout}. */
  public void armConnectWatchdog(Duration timeout) {
    timers.armConnectWatchdog(timeout, () -> close(EndReason.CONNECT_TIMEOUT));
  }

  /** The transport is connected: satisfy the watchdog and start the time limit. */
  public void markConnected() {
    timers.disarmConnectWatchdog();
    if (isOpen()) {
      timers.startTimeLimit(definition.timeLimitSeconds(), () -> close(EndReason.TIME_LIMIT));
    }
  }

  /**
   * Starts the handler (FastRTC starts once the data channel exists). Idempotent. The handler's
   * {@code startUp} comes before any other call, and what it makes available is drained at once.
   */
  public void start() {
    if (!state.beginStarting()) {
      return;
    }
    // startUp is queued first on the lane; only then may the state say STARTED, which is what lets
    // media threads and the clock queue receive and emit calls, so those always follow startUp.
    // The task turns the state STARTED itself too (it may run before this method gets there), so
    // the drain right after startUp always runs.
    lane.execute(this::startUp);
    state.start();
    if (video != null) {
      video.start();
    }
    faults.start(timers);
  }

  private void startUp() {
    state.start();
    if (lane.run(() -> lease.handler().startUp(context)) && audioLane != null) {
      audioLane.drainEmits(AudioLane.TOP_UP_MS);
    }
  }

  /**
   * Input audio from the transport, on a media thread: queued for the handler, never blocking.
   * Dropped (and counted) before start and when the handler has fallen 5 s behind.
   */
  public void onInput(AudioFrame frame, long receivedNanos) {
    faults.mediaArrived();
    if (state.isStarted() && audioLane != null) {
      audioLane.receive(frame, receivedNanos);
    }
  }

  /**
   * Input video from the transport, on a media thread: queued for the handler (or kept as the
   * newest frame with skip-frames), never blocking. Dropped before start.
   *
   * @param receivedNanos {@link System#nanoTime()} when the decoded frame arrived
   */
  public void onVideoInput(VideoFrame frame, long receivedNanos) {
    faults.mediaArrived();
    if (state.isStarted() && video != null) {
      video.offer(frame, receivedNanos);
    }
  }

  /**
   * One clock tick (every 10 ms, on the clock thread): pushes the next 10 ms of audio, or silence,
   * and asks the handler for more when the buffer runs low.
   *
   * @param late whether the clock runs more than one frame late (counted for the stream)
   */
  void tick(long nowNanos, boolean late) {
    playback.tick(nowNanos, late);
  }

  /**
   * The client has played the handler's audio: tells the client ({@code playback_ended}) and the
   * handler ({@code playbackEnded()}, on its lane). Called by the clock when the outgoing buffer
   * has drained, or by a transport that {@linkplain Transport#reportsPlaybackEnd() confirms
   * playback} itself. Ignored before start and after close.
   */
  public void playbackEnded() {
    playback.playbackEnded();
  }

  /** Whether the clock should tick this connection. */
  boolean sendsAudio() {
    return audio != null;
  }

  /** Sends a text message if the connection is open. */
  void sendText(String message) {
    Transport t = transport;
    if (t != null && isOpen()) {
      t.sendText(message);
    }
  }

  /**
   * Ends the connection: frees the concurrency slot, the transport's native objects and timers,
   * then calls the handler's shutdown and destroys the instance. Runs once, whatever the reason.
   */
  public void close(EndReason reason) {
    if (!state.close()) {
      return;
    }
    endReason = reason;
    Transport t = transport;
    ConnectionLog.closed(this, t == null ? "none" : t.kind(), remoteAddress, openedNanos, reason);
    timers.cancelAll();
    if (video != null) {
      video.stop();
    }
    outputs.close();
    inputs.wakeAll();
    closeListeners.run(this);
    release.run(transport, id);
    new HandlerShutdown(id, lease, lane, timers, audio).begin();
  }

  /** The release of the transport's native objects on the close path, to wait for. */
  TransportRelease release() {
    return release;
  }
}
