package io.fastrtc.jakarta.handlers.turn;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * How a {@link ReplyOnPause} takes turns: FastRTC's constructor arguments ({@code can_interrupt},
 * {@code algo_options}, {@code model_options}, {@code startup_fn}, {@code model}, {@code
 * needs_args}) under Java names, plus ours ({@link TurnOptions}, the utterance's rate, a trigger
 * input). Immutable; build with {@link #builder()}.
 */
public final class ReplyOptions {
  /** All defaults: interruptible, {@link TurnDetector} with {@link TurnOptions#DEFAULTS}. */
  public static final ReplyOptions DEFAULTS = builder().build();

  private final boolean canInterrupt;
  private final TurnOptions turn;
  private final AlgoOptions algo;
  private final SileroVadOptions vad;
  private final Supplier<? extends PauseDetector> pauseDetector;
  private final VoiceActivityModel model;
  private final ReplyFunction startup;
  private final boolean needsInputs;
  private final Duration inputsTimeout;
  private final int utteranceSampleRate;
  private final String triggerInput;
  private final double maxContinuousSpeechSeconds;

  private ReplyOptions(Builder b) {
    this.canInterrupt = b.canInterrupt;
    this.turn = b.turn;
    this.algo = b.algo;
    this.vad = b.vad;
    this.pauseDetector = b.pauseDetector;
    this.model = b.model;
    this.startup = b.startup;
    this.needsInputs = b.needsInputs;
    this.inputsTimeout = b.inputsTimeout;
    this.utteranceSampleRate = b.utteranceSampleRate;
    this.triggerInput = b.triggerInput;
    this.maxContinuousSpeechSeconds = b.maxContinuousSpeechSeconds;
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** FastRTC's {@code can_interrupt}: whether speech during a reply stops it (true). */
  public boolean canInterrupt() {
    return canInterrupt;
  }

  /** The greeting played when the connection starts ({@code startup_fn}), or null. */
  public ReplyFunction startup() {
    return startup;
  }

  /** FastRTC's {@code needs_args}: fetch the inputs ({@code send_input}) before every reply. */
  public boolean needsInputs() {
    return needsInputs;
  }

  /** How long to wait for the inputs each turn before replying with the current ones (3 s). */
  public Duration inputsTimeout() {
    return inputsTimeout;
  }

  /** The utterance's sample rate, or 0 for the stream's input rate (FastRTC's behaviour). */
  public int utteranceSampleRate() {
    return utteranceSampleRate;
  }

  /** The input whose every change triggers a reply ({@code trigger_response}), or null. */
  public String triggerInput() {
    return triggerInput;
  }

  /** The voice-activity model given here, or null for the server's (Silero) or the energy model. */
  public VoiceActivityModel model() {
    return model;
  }

  /** A fresh pause detector for one connection, from the options. */
  public PauseDetector newPauseDetector() {
    if (pauseDetector != null) {
      return Objects.requireNonNull(pauseDetector.get(), "pauseDetector supplied null");
    }
    boolean limited = Double.isFinite(maxContinuousSpeechSeconds);
    if (algo != null) {
      AlgoOptions a =
          limited
              ? new AlgoOptions(
                  algo.audioChunkDuration(),
                  algo.startedTalkingThreshold(),
                  algo.speechThreshold(),
                  maxContinuousSpeechSeconds)
              : algo;
      return new ChunkPauseDetector(a, vad);
    }
    return new TurnDetector(
        limited ? turn.withMaxContinuousSpeechSeconds(maxContinuousSpeechSeconds) : turn);
  }

  /** Builds {@link ReplyOptions}. */
  public static final class Builder {
    private boolean canInterrupt = true;
    private TurnOptions turn = TurnOptions.DEFAULTS;
    private AlgoOptions algo;
    private SileroVadOptions vad = SileroVadOptions.DEFAULTS;
    private Supplier<? extends PauseDetector> pauseDetector;
    private VoiceActivityModel model;
    private ReplyFunction startup;
    private boolean needsInputs;
    private Duration inputsTimeout = Duration.ofSeconds(3);
    private int utteranceSampleRate;
    private String triggerInput;
    private double maxContinuousSpeechSeconds = Double.POSITIVE_INFINITY;

    private Builder() {}

    /** FastRTC's {@code can_interrupt} (default true). */
    public Builder canInterrupt(boolean canInterrupt) {
      this.canInterrupt = canInterrupt;
      return this;
    }

    /** Our turn-taking's thresholds and durations (the default detector). */
    public Builder turn(TurnOptions turn) {
      this.turn = Objects.requireNonNull(turn, "turn == null");
      this.algo = null;
      return this;
    }

    /**
     * FastRTC's {@code algo_options}: switches to its 0.6 s chunk algorithm ({@link
     * ChunkPauseDetector}), for behaviour identical to a FastRTC app.
     */
    public Builder algoOptions(AlgoOptions algo) {
      this.algo = Objects.requireNonNull(algo, "algo == null");
      return this;
    }

    /** FastRTC's {@code model_options}, used with {@link #algoOptions(AlgoOptions)}. */
    public Builder modelOptions(SileroVadOptions vad) {
      this.vad = Objects.requireNonNull(vad, "vad == null");
      return this;
    }

    /** Your own turn-taking (FastRTC's {@code determine_pause} override): one per connection. */
    public Builder pauseDetector(Supplier<? extends PauseDetector> pauseDetector) {
      this.pauseDetector = Objects.requireNonNull(pauseDetector, "pauseDetector == null");
      return this;
    }

    /** FastRTC's {@code model}: the voice-activity model, instead of the server's default. */
    public Builder model(VoiceActivityModel model) {
      this.model = Objects.requireNonNull(model, "model == null");
      return this;
    }

    /** FastRTC's {@code startup_fn}: a greeting played as soon as the connection starts. */
    public Builder startup(ReplyFunction startup) {
      this.startup = Objects.requireNonNull(startup, "startup == null");
      return this;
    }

    /** FastRTC's {@code needs_args}: ask for the inputs before each reply (not on phone calls). */
    public Builder needsInputs(boolean needsInputs) {
      this.needsInputs = needsInputs;
      return this;
    }

    /** How long to wait for the inputs each turn (default 3 s). */
    public Builder inputsTimeout(Duration timeout) {
      this.inputsTimeout = Objects.requireNonNull(timeout, "timeout == null");
      return this;
    }

    /** The utterance's rate, e.g. 16000 for speech-to-text; 0 (default) for the input rate. */
    public Builder utteranceSampleRate(int rate) {
      if (rate < 0) {
        throw new IllegalArgumentException("rate must not be negative: " + rate);
      }
      this.utteranceSampleRate = rate;
      return this;
    }

    /**
     * FastRTC's {@code max_continuous_speech_s}: reply after this much talking without a pause,
     * with either algorithm (default: no limit).
     */
    public Builder maxContinuousSpeech(Duration limit) {
      Objects.requireNonNull(limit, "limit == null");
      if (limit.isNegative() || limit.isZero()) {
        throw new IllegalArgumentException("limit must be positive: " + limit);
      }
      this.maxContinuousSpeechSeconds = limit.toNanos() / 1e9;
      return this;
    }

    /**
     * Replies at once whenever the input {@code name} changes to a value that is not null, empty or
     * false: a text box or a push-to-talk button ({@code trigger_response} from the client).
     */
    public Builder triggerInput(String name) {
      this.triggerInput = Objects.requireNonNull(name, "name == null");
      return this;
    }

    /** The options. */
    public ReplyOptions build() {
      return new ReplyOptions(this);
    }
  }
}
