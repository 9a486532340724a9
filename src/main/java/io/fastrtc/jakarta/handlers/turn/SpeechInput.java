package io.fastrtc.jakarta.handlers.turn;

import io.fastrtc.jakarta.api.AudioFrame;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The listening side of {@link ReplyOnPause}: the user's frames converted to the model's rate and
 * cut into its windows, scored, and given to the {@link PauseDetector}; the recent audio kept so an
 * utterance starts a little before the detector noticed it, and the utterance collected while the
 * user talks. Runs on the handler's thread only.
 */
final class SpeechInput implements AutoCloseable {
  private final VoiceActivityModel model;
  private final PauseDetector detector;
  private final float[] window;
  private final ArrayDeque<short[]> recent = new ArrayDeque<>();
  private final List<short[]> utterance = new ArrayList<>();
  private VoiceActivity activity;
  private RateConverter toModel;
  private int inputRate;
  private int filled;
  private long recentSamples;
  private boolean talking;

  SpeechInput(VoiceActivityModel model, PauseDetector detector) {
    this.model = model;
    this.detector = detector;
    this.window = new float[model.windowSamples()];
  }

  /** Opens the model's state for this connection. */
  void open() {
    activity = model.open();
  }

  /** Whether an utterance is being collected (between start and end of the user's turn). */
  boolean isTalking() {
    return talking;
  }

  /** Takes one frame: keeps it, scores every window it completes, reports each signal. */
  void accept(AudioFrame frame, Consumer<TurnSignal> signals) {
    short[] mono = mono(frame);
    if (frame.sampleRate() != inputRate || toModel == null) {
      inputRate = frame.sampleRate();
      toModel = new RateConverter(inputRate, model.sampleRate());
      recent.clear();
      recentSamples = 0;
    }
    keep(mono);
    float[] scaled = new float[mono.length];
    for (int i = 0; i < mono.length; i++) {
      scaled[i] = mono[i] / 32768f;
    }
    for (float v : toModel.process(scaled)) {
      window[filled++] = v;
      if (filled == window.length) {
        filled = 0;
        float p = activity.speechProbability(window);
        TurnSignal s = detector.onWindow(new VadWindow(window, model.sampleRate(), p));
        if (s == TurnSignal.STARTED_TALKING && !talking) {
          talking = true;
          utterance.clear();
          utterance.addAll(recent);
        } else if (s == TurnSignal.PAUSE && talking) {
          talking = false;
        } else if (s != TurnSignal.NONE) {
          continue;
        }
        signals.accept(s);
      }
    }
  }

  private void keep(short[] mono) {
    recent.addLast(mono);
    recentSamples += mono.length;
    long keepSamples = (long) (detector.prerollMillis() * inputRate / 1000);
    while (recentSamples - recent.peekFirst().length >= keepSamples) {
      recentSamples -= recent.removeFirst().length;
    }
    if (talking) {
      utterance.add(mono);
    }
  }

  /** Takes the utterance so far (empty if none), mono at {@code rate} (0: the input rate). */
  AudioFrame takeUtterance(int rate) {
    int total = 0;
    for (short[] part : utterance) {
      total += part.length;
    }
    short[] all = new short[total];
    int at = 0;
    for (short[] part : utterance) {
      System.arraycopy(part, 0, all, at, part.length);
      at += part.length;
    }
    utterance.clear();
    talking = false;
    int from = inputRate == 0 ? (rate == 0 ? 16_000 : rate) : inputRate;
    int to = rate == 0 ? from : rate;
    if (from == to) {
      return AudioFrame.mono(to, all);
    }
    float[] f = new float[all.length];
    for (int i = 0; i < all.length; i++) {
      f[i] = all[i] / 32768f;
    }
    return AudioFrame.fromFloats(to, new RateConverter(from, to).process(f));
  }

  /** Forgets everything heard: the turn, the model's state, the kept audio. */
  void reset() {
    detector.reset();
    if (activity != null) {
      activity.reset();
    }
    recent.clear();
    recentSamples = 0;
    utterance.clear();
    talking = false;
    filled = 0;
  }

  @Override
  public void close() {
    if (activity != null) {
      activity.close();
      activity = null;
    }
  }

  private static short[] mono(AudioFrame frame) {
    if (frame.channels() == 1) {
      return frame.samples();
    }
    short[] s = frame.samples();
    short[] out = new short[s.length / 2];
    for (int i = 0; i < out.length; i++) {
      out[i] = (short) ((s[2 * i] + s[2 * i + 1]) / 2);
    }
    return out;
  }
}
