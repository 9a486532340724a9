package io.fastrtc.jakarta.runtime;

import io.fastrtc.jakarta.api.AudioFrame;
import io.fastrtc.jakarta.api.Emission;
import io.fastrtc.jakarta.api.StreamContext;
import io.fastrtc.jakarta.api.StreamHandler;
import io.fastrtc.jakarta.api.VideoFrame;
import io.fastrtc.jakarta.runtime.audio.OutboundAudio;
import io.fastrtc.jakarta.runtime.audio.Pcm;
import io.fastrtc.jakarta.runtime.audio.Resampler;
import io.fastrtc.jakarta.runtime.wire.ChannelMessages;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One live connection: its handler instance, transport, outgoing audio, video lane and timers.
 * Replaces FastRTC's parallel per-id dictionaries. Every handler call, audio or video, runs on one
 * serial lane. Every way a connection ends goes through {@link #close(EndReason)}, which runs once.
 */
public final class Connection {
  private static final Logger LOG = Logger.getLogger(Connection.class.getName());

  /** Input frames allowed to wait for a slow handler (5 s of 20 ms frames) before dropping. */
  static final int MAX_INPUT_BACKLOG = 250;

  /** Top up the outgoing buffer when it holds less than this. */
  static final long LOW_WATER_MS = 60;

  /** How far ahead a top-up fills the buffer. */
  static final long TOP_UP_MS = 120;

  /** How long shutdown may wait behind a hung handler call before it is interrupted. */
  static final Duration HANG_GRACE = Duration.ofSeconds(5);

  private enum State {
    NEW,
    STARTED,
    CLOSING,
    CLOSED
  }

  private final String id;
  private final StreamDefinition definition;
  private final HandlerLease lease;
  private final RuntimeServices services;
  private final SerialExecutor calls;
  private final OutboundAudio outbound;
  private final StreamHandler audioHandler;
  private final VideoLane video;
  private final short[] frameBuffer;

  /** Held while a frame is read and pushed, and while a flush runs, so they never interleave. */
  private final Object pushLock = new Object();

  private final StreamContext context = new ConnectionContext(this);
  private final AtomicReference<State> state = new AtomicReference<>(State.NEW);
  private final AtomicInteger inputBacklog = new AtomicInteger();
  private final AtomicBoolean emitPending = new AtomicBoolean();
  private final AtomicBoolean startRequested = new AtomicBoolean();
  private final AtomicBoolean backlogWarned = new AtomicBoolean();
  private final List<Consumer<Connection>> closeListeners = new CopyOnWriteArrayList<>();
  private final List<Consumer<List<Object>>> outputListeners = new CopyOnWriteArrayList<>();
  private final Map<Integer, Resampler> outputResamplers = new HashMap<>();
  private final OutputBuffer outputs;
  private final Object inputLock = new Object();
  private volatile Object inputs;
  private long inputsVersion; // guarded by inputLock
  private final AtomicBoolean outputCountWarned = new AtomicBoolean();
  private volatile Transport transport;
  private volatile EndReason endReason;
  private volatile Future<?> connectWatchdog;
  private volatile Future<?> timeLimit;
  private volatile Future<?> hangCheck;
  private volatile Future<?> playbackClose;
  private long lastInputNanos;
  private int tickCount;

  Connection(String id, StreamDefinition definition, HandlerLease lease, RuntimeServices services) {
    this.id = id;
    this.definition = definition;
    this.lease = lease;
    this.services = services;
    this.calls = new SerialExecutor(services.executor());
    this.outbound =
        definition.sendsAudio() ? new OutboundAudio(definition.outputSampleRate(), 1) : null;
    this.frameBuffer = outbound == null ? null : new short[outbound.frameSamples()];
    this.audioHandler =
        definition.modality().hasAudio() && lease.handler() instanceof StreamHandler h ? h : null;
    this.video =
        definition.modality().hasVideo()
            ? new VideoLane(this, definition, lease.handler(), services)
            : null;
    this.outputs = new OutputBuffer(OutputBuffer.DEFAULT_CAPACITY, services.executor());
    this.inputs = definition.inputs().defaults();
  }

  /** The client-chosen id. */
  public String id() {
    return id;
  }

  /** The stream this connection belongs to. */
  public StreamDefinition definition() {
    return definition;
  }

  /** The handler's view of this connection. */
  public StreamContext context() {
    return context;
  }

  /** Whether the connection has not started closing. */
  public boolean isOpen() {
    State s = state.get();
    return s == State.NEW || s == State.STARTED;
  }

  /** Why the connection closed, or null while open. */
  public EndReason endReason() {
    return endReason;
  }

  /** The media side, or null before {@link #attach(Transport)}. */
  public Transport transport() {
    return transport;
  }

  /** Connects the media side. Must be called before {@link #start()}. */
  public void attach(Transport transport) {
    this.transport = transport;
  }

  /** Runs {@code listener} once when the connection closes. */
  public void onClose(Consumer<Connection> listener) {
    closeListeners.add(listener);
  }

  /** Receives every additional output the handler emits. */
  public void onOutputs(Consumer<List<Object>> listener) {
    outputListeners.add(listener);
  }

  /**
   * Replaces the inputs atomically (FastRTC's {@code set_input}): {@code update} maps the current
   * value to the new one, or throws to keep it. Wakes a handler waiting in {@link
   * #awaitInputs(Duration)}.
   *
   * @return the new value
   */
  public Object updateInputs(UnaryOperator<Object> update) {
    synchronized (inputLock) {
      Object next = update.apply(inputs);
      inputs = next;
      inputsVersion++;
      inputLock.notifyAll();
      return next;
    }
  }

  /** The current inputs: a record of the stream's inputs type, or a map for untyped streams. */
  public Object inputs() {
    return inputs;
  }

  /** The additional outputs of this connection. */
  public OutputBuffer outputs() {
    return outputs;
  }

  /**
   * Sends {@code send_input} and waits until the inputs change, the timeout passes or the
   * connection closes (FastRTC's {@code wait_for_args}). On a phone call it returns false at once:
   * a caller cannot send inputs, so the handler goes on with what it has (FastRTC's phone mode).
   *
   * @return whether new inputs arrived
   */
  boolean awaitInputs(Duration timeout) throws InterruptedException {
    if (isPhone()) {
      return false;
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (inputLock) {
      long seen = inputsVersion;
      sendText(ChannelMessages.sendInput());
      while (inputsVersion == seen && isOpen()) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(inputLock, left);
      }
      return inputsVersion != seen;
    }
  }

  /** Closes the connection unless it reaches "connected" within {@code timeout}. */
  public void armConnectWatchdog(Duration timeout) {
    connectWatchdog =
        services
            .scheduler()
            .schedule(
                () -> close(EndReason.CONNECT_TIMEOUT), timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The transport is connected: satisfy the watchdog and start the time limit. */
  public void markConnected() {
    cancel(connectWatchdog);
    if (definition.timeLimitSeconds() > 0 && timeLimit == null && isOpen()) {
      timeLimit =
          services
              .scheduler()
              .schedule(
                  () -> close(EndReason.TIME_LIMIT),
                  definition.timeLimitSeconds(),
                  TimeUnit.SECONDS);
    }
  }

  /** Starts the handler (FastRTC starts once the data channel exists). Idempotent. */
  public void start() {
    if (!startRequested.compareAndSet(false, true)) {
      return;
    }
    // Queue startUp before the state says STARTED: the clock and the media threads queue emit and
    // receive calls only once it does, so the handler never sees them before startUp.
    calls.execute(
        () -> {
          if (call(() -> lease.handler().startUp(context)) && audioHandler != null) {
            drainEmits(TOP_UP_MS);
          }
        });
    state.compareAndSet(State.NEW, State.STARTED);
    if (video != null) {
      video.start();
    }
  }

  /**
   * Input audio from the transport, on a media thread: queued for the handler, never blocking.
   * Dropped (and counted) before start and when the handler has fallen 5 s behind.
   */
  public void onInput(AudioFrame frame, long receivedNanos) {
    if (state.get() != State.STARTED || audioHandler == null) {
      return;
    }
    services.metrics().frameIn();
    if (inputBacklog.incrementAndGet() > MAX_INPUT_BACKLOG) {
      inputBacklog.decrementAndGet();
      services.metrics().inputDropped();
      if (backlogWarned.compareAndSet(false, true)) {
        LOG.warning(
            () ->
                "Handler of stream "
                    + definition.name()
                    + " is more than 5 s behind on connection "
                    + id
                    + "; dropping input audio");
      }
      return;
    }
    calls.execute(
        () -> {
          inputBacklog.decrementAndGet();
          lastInputNanos = receivedNanos;
          if (call(() -> audioHandler.receive(frame))) {
            drainEmits(10_000);
          }
        });
  }

  /**
   * Input video from the transport, on a media thread: queued for the handler (or kept as the
   * newest frame with skip-frames), never blocking. Dropped before start.
   *
   * @param receivedNanos {@link System#nanoTime()} when the decoded frame arrived
   */
  public void onVideoInput(VideoFrame frame, long receivedNanos) {
    if (state.get() == State.STARTED && video != null) {
      video.offer(frame, receivedNanos);
    }
  }

  /** Whether the handler runs (started and not closing). */
  boolean isStarted() {
    return state.get() == State.STARTED;
  }

  /** Runs a task on this connection's serial handler lane. */
  void serial(Runnable task) {
    calls.execute(task);
  }

  /**
   * One clock tick (every 10 ms, on the clock thread): pushes the next 10 ms of audio, or silence,
   * and asks the handler for more when the buffer runs low.
   */
  void tick(long nowNanos) {
    if (outbound == null || !isOpen()) {
      return;
    }
    Transport t = transport;
    if (t != null && state.get() == State.STARTED) {
      long produced;
      synchronized (pushLock) {
        produced = outbound.read(frameBuffer);
        if (produced >= 0) {
          t.pushAudio(frameBuffer, outbound.sampleRate(), 1);
        } else {
          t.pushSilence(frameBuffer, outbound.sampleRate(), 1);
        }
      }
      if (produced >= 0) {
        services.metrics().frameOut();
      }
      if (produced > 0) {
        services.metrics().latencyNanos(nowNanos - produced);
      }
    }
    if ((++tickCount & 1) == 0
        && state.get() == State.STARTED
        && outbound.bufferedMillis() < LOW_WATER_MS
        && emitPending.compareAndSet(false, true)) {
      calls.execute(
          () -> {
            emitPending.set(false);
            drainEmits(TOP_UP_MS);
          });
    }
  }

  /** Whether the clock should tick this connection. */
  boolean sendsAudio() {
    return outbound != null;
  }

  /**
   * Drops buffered outgoing audio and tells the transport, so a client that buffers audio drops its
   * queue too. Returns the milliseconds dropped here.
   */
  long bufferedAudioMillis() {
    return outbound == null ? 0 : outbound.bufferedMillis();
  }

  long flushAudio() {
    if (outbound == null) {
      return 0;
    }
    synchronized (pushLock) {
      long dropped = outbound.flush();
      Transport t = transport;
      if (t != null && isOpen()) {
        t.onFlush(dropped);
      }
      return dropped;
    }
  }

  /** Whether the transport is a phone call. */
  boolean isPhone() {
    Transport t = transport;
    return t != null && t.isPhone();
  }

  /** Sends a text message if the connection is open. */
  void sendText(String message) {
    Transport t = transport;
    if (t != null && isOpen()) {
      t.sendText(message);
    }
  }

  private void drainEmits(long aheadMillis) {
    for (int i = 0; i < 200 && state.get() == State.STARTED; i++) {
      Emission[] result = new Emission[1];
      if (!call(() -> result[0] = audioHandler.emit())) {
        return;
      }
      Emission e = result[0];
      if (e == null || e instanceof Emission.Nothing) {
        return;
      }
      deliver(e, 0);
      if (e instanceof Emission.Close) {
        return;
      }
      if (e instanceof Emission.Audio
          && outbound != null
          && outbound.bufferedMillis() >= aheadMillis) {
        return;
      }
    }
  }

  /**
   * Acts on what a handler returned, audio or video alike: plays audio, sends a frame, hands
   * outputs to listeners, or starts closing. Runs on the handler lane.
   *
   * @param inputNanos when the input that produced a video result arrived, or 0
   */
  void deliver(Emission result, long inputNanos) {
    if (result instanceof VideoFrame frame) {
      sendVideo(frame, inputNanos);
    } else if (result instanceof Emission.Audio audio) {
      writeAudio(audio.frame());
    } else if (result instanceof Emission.Video v) {
      sendVideo(v.frame(), inputNanos);
      if (!v.outputs().isEmpty()) {
        deliverOutputs(v.outputs());
      }
    } else if (result instanceof Emission.Outputs values) {
      deliverOutputs(values.values());
    } else if (result instanceof Emission.Close close) {
      closeAfterPlayback(close.message());
    }
  }

  private void sendVideo(VideoFrame frame, long inputNanos) {
    Transport t = transport;
    if (!definition.sendsVideo() || t == null || state.get() != State.STARTED) {
      return; // send mode: FastRTC ignores the handler's frames
    }
    // A frame that cannot be converted is the handler's error: reported and closed like one.
    if (call(() -> t.pushVideo(frame))) {
      services.metrics().videoFrameOut(inputNanos > 0 ? System.nanoTime() - inputNanos : -1);
    }
  }

  private void writeAudio(AudioFrame frame) {
    if (outbound == null) {
      return; // send mode: FastRTC ignores the handler's audio
    }
    short[] mono = Pcm.toMono(frame.samples(), frame.channels());
    if (frame.sampleRate() != outbound.sampleRate()) {
      Resampler r =
          outputResamplers.computeIfAbsent(
              frame.sampleRate(),
              rate -> services.resamplers().create(rate, outbound.sampleRate()));
      mono = r.process(mono);
    }
    outbound.write(mono, lastInputNanos != 0 ? lastInputNanos : System.nanoTime());
    lastInputNanos = 0;
  }

  private void deliverOutputs(List<Object> values) {
    int declared = definition.outputs().size();
    if (declared > 0 && values.size() != declared && outputCountWarned.compareAndSet(false, true)) {
      LOG.warning(
          () ->
              "Stream "
                  + definition.name()
                  + " declares "
                  + declared
                  + " outputs but emitted "
                  + values.size()
                  + " values on connection "
                  + id
                  + "; values map to declared outputs by position");
    }
    outputs.publish(values);
    sendText(ChannelMessages.fetchOutput());
    for (Consumer<List<Object>> listener : outputListeners) {
      listener.accept(values);
    }
  }

  private void closeAfterPlayback(String message) {
    if (!state.compareAndSet(State.STARTED, State.CLOSING)) {
      return;
    }
    long playMillis = outbound == null ? 0 : outbound.bufferedMillis();
    playbackClose =
        services
            .scheduler()
            .schedule(
                () -> {
                  Transport t = transport;
                  if (t != null) {
                    t.sendText(ChannelMessages.endStream(message));
                  }
                  close(EndReason.CLOSE_STREAM);
                },
                playMillis,
                TimeUnit.MILLISECONDS);
  }

  /** A handler call; on failure the client gets an error message and the connection closes. */
  boolean call(HandlerCall body) {
    try {
      body.run();
      return true;
    } catch (Exception | LinkageError | AssertionError e) {
      if (isOpen()) {
        services.metrics().handlerError();
        LOG.log(
            Level.WARNING,
            "Handler " + definition.handlerClass().getName() + " failed on connection " + id,
            e);
        String message = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        sendText(ChannelMessages.error(message));
        close(EndReason.HANDLER_ERROR);
      }
      return false;
    }
  }

  /**
   * Ends the connection: frees the concurrency slot, the transport's native objects and timers,
   * then calls the handler's shutdown and destroys the instance. Runs once, whatever the reason.
   */
  public void close(EndReason reason) {
    State previous = state.getAndSet(State.CLOSED);
    if (previous == State.CLOSED) {
      return;
    }
    endReason = reason;
    LOG.info(() -> "Connection " + id + " of stream " + definition.name() + " closed: " + reason);
    cancel(connectWatchdog);
    cancel(timeLimit);
    cancel(playbackClose);
    if (video != null) {
      video.stop();
    }
    outputs.close();
    synchronized (inputLock) {
      inputLock.notifyAll();
    }
    for (Consumer<Connection> listener : closeListeners) {
      try {
        listener.accept(this);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Close listener failed for connection " + id, e);
      }
    }
    Transport t = transport;
    if (t != null) {
      try {
        t.close();
      } catch (RuntimeException | Error e) {
        LOG.log(Level.WARNING, "Closing the transport of connection " + id + " failed", e);
      }
    }
    AtomicBoolean finished = new AtomicBoolean();
    calls.execute(() -> finish(finished));
    hangCheck =
        services
            .scheduler()
            .schedule(
                () -> {
                  if (!finished.get()) {
                    LOG.warning(
                        () ->
                            "Handler of connection "
                                + id
                                + " did not return within "
                                + HANG_GRACE.toSeconds()
                                + " s of close; interrupting it");
                    calls.interruptRunning();
                  }
                },
                HANG_GRACE.toMillis(),
                TimeUnit.MILLISECONDS);
    if (finished.get()) {
      cancel(hangCheck);
    }
  }

  private void finish(AtomicBoolean finished) {
    try {
      lease.handler().shutdown();
    } catch (Exception | LinkageError e) {
      LOG.log(Level.WARNING, "shutdown() failed on connection " + id, e);
    } finally {
      try {
        lease.destroy();
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Destroying the handler of connection " + id + " failed", e);
      }
      outputResamplers.values().forEach(Resampler::close);
      outputResamplers.clear();
      finished.set(true);
      cancel(hangCheck);
    }
  }

  private static void cancel(Future<?> future) {
    if (future != null) {
      future.cancel(false);
    }
  }

  @FunctionalInterface
  interface HandlerCall {
    void run() throws Exception;
  }
}
