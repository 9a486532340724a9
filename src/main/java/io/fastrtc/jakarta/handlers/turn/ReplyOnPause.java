package io.fastrtc.jakarta.handlers.turn;

import io.fastrtc.jakarta.api.AudioEmission;
import io.fastrtc.jakarta.api.AudioFrame;
import io.fastrtc.jakarta.api.Emission;
import io.fastrtc.jakarta.api.StreamContext;
import io.fastrtc.jakarta.api.StreamHandler;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A voice agent's turn-taking (FastRTC's {@code ReplyOnPause}): listens, and when the user pauses
 * calls a {@link ReplyFunction} with what they said and plays its reply; when the user talks over
 * the reply, stops it at once. Extend it as a stream bean:
 *
 * <pre>{@code
 * @RealtimeStream(name = "agent", modality = Modality.AUDIO)
 * @Dependent
 * public class Agent extends ReplyOnPause {
 *   public Agent() {
 *     super(u -> Replies.of(Emission.audio(u.audio())), ReplyOptions.DEFAULTS); // a parrot
 *   }
 * }
 * }</pre>
 *
 * <p>Every voice-activity window goes to a {@link PauseDetector} ({@link TurnDetector} by default):
 * the reply starts the configured silence after the user stops, and speech during a reply
 * interrupts it at its onset (its queued audio is flushed, so WebSocket and phone clients get
 * {@code clear}, and the reply's publisher is cancelled). With {@code canInterrupt} false, the user
 * is not heard from the pause until the reply has finished playing, so no new turn starts over its
 * tail. Events on the data channel and the WebSocket, with FastRTC's names: {@code log} {@code
 * started_talking}, {@code pause_detected}, {@code response_starting} (once per reply, at its first
 * audio; FastRTC repeats it for every chunk), plus {@code interrupted} on barge-in and the
 * runtime's {@code playback_ended}.
 *
 * <p>The voice-activity model is the one in the options, else the server's CDI bean of type {@link
 * VoiceActivityModel} (Silero when it is deployed), else {@link EnergyVoiceActivityModel}.
 */
public class ReplyOnPause implements StreamHandler {
  private static final VoiceActivityModel ENERGY = new EnergyVoiceActivityModel();

  /** A reply is pulled only while less than this is queued: made about as fast as it plays. */
  static final long AHEAD_MILLIS = 500;

  private final ReplyFunction function;
  private final ReplyOptions options;
  private final AtomicBoolean triggered = new AtomicBoolean();
  private VoiceActivityModel serverModel;
  private StreamContext context;
  private SpeechInput input;
  private Utterance pending;
  private ReplyStream reply;
  private boolean responding;
  private boolean responseStarted;
  private boolean awaitingPlayback;
  private Object lastTrigger;

  /**
   * A handler that replies with {@code function}.
   *
   * @param function the reply to each turn
   * @param options turn-taking options; {@link ReplyOptions#DEFAULTS} for FastRTC's behaviour with
   *     faster turns
   */
  public ReplyOnPause(ReplyFunction function, ReplyOptions options) {
    this.function = Objects.requireNonNull(function, "function == null");
    this.options = Objects.requireNonNull(options, "options == null");
  }

  /** For subclasses that override {@link #reply(Utterance)} instead of passing a function. */
  protected ReplyOnPause(ReplyOptions options) {
    this.function = null;
    this.options = Objects.requireNonNull(options, "options == null");
  }

  /**
   * The reply to one turn; calls the function given to the constructor. Override it instead when
   * the reply needs the subclass's state.
   */
  protected Flow.Publisher<? extends AudioEmission> reply(Utterance utterance) throws Exception {
    if (function == null) {
      throw new IllegalStateException(getClass().getName() + " must override reply(Utterance)");
    }
    return function.reply(utterance);
  }

  /**
   * Takes the server's voice-activity model (Silero, when deployed) if there is exactly one; CDI
   * calls it on a stream bean. Options that name a model win.
   *
   * @param models the server's models
   */
  @Inject
  public void useServerModel(Instance<VoiceActivityModel> models) {
    if (models != null && models.isResolvable()) {
      serverModel = models.get();
    }
  }

  /** The model this handler listens with. */
  public VoiceActivityModel model() {
    return options.model() != null ? options.model() : serverModel != null ? serverModel : ENERGY;
  }

  /**
   * Replies now, without waiting for a pause (FastRTC's {@code trigger_response}), with what the
   * user has said so far: for text input or push-to-talk. Safe from any thread; takes effect at the
   * next audio frame.
   */
  public void triggerResponse() {
    triggered.set(true);
  }

  @Override
  public void startUp(StreamContext context) throws Exception {
    this.context = context;
    this.input = new SpeechInput(model(), options.newPauseDetector());
    input.open();
    if (options.triggerInput() != null) {
      lastTrigger = context.latestInputs().get(options.triggerInput());
    }
    if (options.startup() != null) {
      pending =
          new Utterance(AudioFrame.mono(16_000, new short[0]), Utterance.Reason.STARTUP, context);
    }
  }

  @Override
  public void receive(AudioFrame frame) {
    if (triggered.getAndSet(false) || triggerInputChanged()) {
      interruptReply();
      pending = utterance(Utterance.Reason.TRIGGER);
      input.reset();
      return;
    }
    if (responding && !options.canInterrupt()) {
      return; // FastRTC's can_interrupt=False: not heard until the reply has played out
    }
    input.accept(frame, this::onSignal);
  }

  private void onSignal(TurnSignal signal) {
    if (signal == TurnSignal.STARTED_TALKING) {
      context.send("log", "started_talking");
      if (options.canInterrupt()) {
        interruptNow();
      }
    } else if (signal == TurnSignal.PAUSE) {
      pending = utterance(Utterance.Reason.PAUSE);
    }
  }

  private Utterance utterance(Utterance.Reason reason) {
    AudioFrame audio = input.takeUtterance(options.utteranceSampleRate());
    return new Utterance(audio, reason, context);
  }

  private boolean triggerInputChanged() {
    String name = options.triggerInput();
    if (name == null) {
      return false;
    }
    Map<String, Object> inputs = context.latestInputs();
    Object value = inputs.get(name);
    if (Objects.equals(value, lastTrigger)) {
      return false;
    }
    lastTrigger = value;
    return value != null && !"".equals(value) && !Boolean.FALSE.equals(value);
  }

  @Override
  public AudioEmission emit() throws Exception {
    if (pending != null) {
      Utterance turn = pending;
      pending = null;
      startReply(turn);
    }
    if (reply == null || context.bufferedAudioMillis() >= AHEAD_MILLIS) {
      return Emission.none(); // the runtime asks again when its buffer runs low
    }
    AudioEmission next = reply.poll();
    if (next == null) {
      if (reply.isFinished()) {
        finishReply();
      }
      return Emission.none();
    }
    if (next instanceof Emission.Audio) {
      if (!responseStarted) {
        responseStarted = true;
        context.send("log", "response_starting");
      }
      awaitingPlayback = true;
    }
    return next;
  }

  private void startReply(Utterance turn) throws Exception {
    if (turn.reason() != Utterance.Reason.STARTUP) {
      context.send("log", "pause_detected");
    }
    if (options.needsInputs() && !context.isPhone()) {
      context.waitForInputs(options.inputsTimeout());
    }
    Flow.Publisher<? extends AudioEmission> publisher =
        turn.reason() == Utterance.Reason.STARTUP ? options.startup().reply(turn) : reply(turn);
    ReplyStream stream = new ReplyStream();
    reply = stream;
    responding = true;
    responseStarted = false;
    awaitingPlayback = false;
    if (publisher != null) {
      publisher.subscribe(stream);
    } else {
      stream.onComplete();
    }
  }

  private void finishReply() throws Exception {
    Throwable error = reply.error();
    reply = null;
    if (!responseStarted) {
      context.send("log", "response_starting"); // FastRTC sends it once even for a silent reply
    }
    if (error != null) {
      endResponse();
      if (error instanceof Exception e) {
        throw e;
      }
      throw new IllegalStateException("reply failed", error);
    }
    if (!awaitingPlayback) {
      endResponse();
    }
  }

  @Override
  public void playbackEnded() {
    if (context == null || context.bufferedAudioMillis() > 0) {
      return; // audio queued since: that playback has not ended
    }
    awaitingPlayback = false;
    if (responding && reply == null) {
      endResponse();
    }
  }

  private void endResponse() {
    responding = false;
    if (!options.canInterrupt()) {
      input.reset(); // nothing heard during the reply starts a turn
    }
  }

  /** Forgets what was heard: the next turn starts with the next audio (stop words). */
  void listenAfresh() {
    input.reset();
  }

  /** Stops the reply being made or played: a barge-in. */
  void interruptNow() {
    if (responding) {
      interruptReply();
      context.send("log", "interrupted");
    }
  }

  private void interruptReply() {
    if (reply != null) {
      reply.cancel();
      reply = null;
    }
    if (responding) {
      responding = false;
      awaitingPlayback = false;
      context.flushAudio();
    }
  }

  /** Whether a reply is being made or is still playing. */
  public boolean isResponding() {
    return responding;
  }

  @Override
  public void shutdown() {
    if (reply != null) {
      reply.cancel();
      reply = null;
    }
    if (input != null) {
      input.close();
    }
  }
}
