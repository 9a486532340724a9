package io.fastrtc.jakarta.bench;

import io.fastrtc.jakarta.handlers.turn.VoiceActivity;
import io.fastrtc.jakarta.handlers.turn.VoiceActivityModel;
import java.util.ArrayList;
import java.util.List;

/**
 * Python FastRTC's turn-taking with its defaults, ported line by line for the benchmark: {@code
 * ReplyOnPause.determine_pause} / {@code process_audio} ({@code AlgoOptions}: 0.6 s chunks, started
 * talking above 0.2 s of speech, pause below 0.1 s) and {@code SileroVADModel.vad} / {@code
 * get_speech_timestamps} ({@code SileroVadOptions}: threshold 0.5, min speech 250 ms, min silence
 * 2000 ms, pad 400 ms). As in FastRTC, every chunk is scored from a fresh model state; the model is
 * the same Silero v5 as ours, so its 512-sample windows replace FastRTC's 1024 (v5 takes only 512
 * at 16 kHz), with the 64-sample context of Silero's own v5 code.
 */
final class FastRtcChunkReference {

  static final double AUDIO_CHUNK_DURATION = 0.6;
  static final double STARTED_TALKING_THRESHOLD = 0.2;
  static final double SPEECH_THRESHOLD = 0.1;
  static final double MAX_CONTINUOUS_SPEECH_S = Double.POSITIVE_INFINITY;
  static final float THRESHOLD = 0.5f;
  static final int MIN_SPEECH_DURATION_MS = 250;
  static final double MAX_SPEECH_DURATION_S = Double.POSITIVE_INFINITY;
  static final int MIN_SILENCE_DURATION_MS = 2000;
  static final int SPEECH_PAD_MS = 400;
  static final int SR = 16_000;

  enum Signal {
    NONE,
    STARTED_TALKING,
    PAUSE
  }

  private final VoiceActivityModel model;
  private final int window;
  // AppState
  private float[] buffer = new float[0];
  private int streamSamples;
  private boolean startedTalking;

  FastRtcChunkReference(VoiceActivityModel model) {
    this.model = model;
    this.window = model.windowSamples();
  }

  /** {@code process_audio} + {@code determine_pause} for one incoming frame (16 kHz floats). */
  Signal receive(float[] frame) {
    float[] joined = new float[buffer.length + frame.length];
    System.arraycopy(buffer, 0, joined, 0, buffer.length);
    System.arraycopy(frame, 0, joined, buffer.length, frame.length);
    buffer = joined;
    double duration = buffer.length / (double) SR;
    if (duration < AUDIO_CHUNK_DURATION) {
      return Signal.NONE;
    }
    double durVad = vad(buffer);
    Signal signal = Signal.NONE;
    if (durVad > STARTED_TALKING_THRESHOLD && !startedTalking) {
      startedTalking = true;
      signal = Signal.STARTED_TALKING;
    }
    if (startedTalking) {
      streamSamples += buffer.length;
      if (streamSamples / (double) SR >= MAX_CONTINUOUS_SPEECH_S) {
        reset();
        return Signal.PAUSE;
      }
    }
    buffer = new float[0];
    if (durVad < SPEECH_THRESHOLD && startedTalking) {
      reset(); // the pause event, then emit() starts the reply with a new AppState
      return Signal.PAUSE;
    }
    return signal;
  }

  void reset() {
    buffer = new float[0];
    streamSamples = 0;
    startedTalking = false;
  }

  /** {@code SileroVADModel.vad}: seconds of speech after {@code collect_chunks}. */
  double vad(float[] audio) {
    int samples = 0;
    for (int[] chunk : speechTimestamps(audio)) {
      samples += chunk[1] - chunk[0];
    }
    return samples / (double) SR;
  }

  /** {@code get_speech_timestamps}, statement by statement. */
  List<int[]> speechTimestamps(float[] audio) {
    double minSpeechSamples = SR * MIN_SPEECH_DURATION_MS / 1000.0;
    double speechPadSamples = SR * SPEECH_PAD_MS / 1000.0;
    double maxSpeechSamples = SR * MAX_SPEECH_DURATION_S - window - 2 * speechPadSamples;
    double minSilenceSamples = SR * MIN_SILENCE_DURATION_MS / 1000.0;
    double minSilenceSamplesAtMaxSpeech = SR * 98 / 1000.0;
    int length = audio.length;

    List<Float> probs = new ArrayList<>();
    try (VoiceActivity state = model.open()) { // get_initial_state: fresh per call
      for (int start = 0; start < length; start += window) {
        float[] chunk = new float[window]; // np.pad with zeros at the end
        System.arraycopy(audio, start, chunk, 0, Math.min(window, length - start));
        probs.add(state.speechProbability(chunk));
      }
    }

    boolean triggered = false;
    List<int[]> speeches = new ArrayList<>();
    int[] current = null;
    float negThreshold = THRESHOLD - 0.15f;
    int tempEnd = 0;
    int prevEnd = 0;
    int nextStart = 0;
    for (int i = 0; i < probs.size(); i++) {
      float p = probs.get(i);
      int at = window * i;
      if (p >= THRESHOLD && tempEnd != 0) {
        tempEnd = 0;
        if (nextStart < prevEnd) {
          nextStart = at;
        }
      }
      if (p >= THRESHOLD && !triggered) {
        triggered = true;
        current = new int[] {at, 0};
        continue;
      }
      if (triggered && at - current[0] > maxSpeechSamples) {
        if (prevEnd != 0) {
          current[1] = prevEnd;
          speeches.add(current);
          current = null;
          if (nextStart < prevEnd) {
            triggered = false;
          } else {
            current = new int[] {nextStart, 0};
          }
          prevEnd = nextStart = tempEnd = 0;
        } else {
          current[1] = at;
          speeches.add(current);
          current = null;
          prevEnd = nextStart = tempEnd = 0;
          triggered = false;
          continue;
        }
      }
      if (p < negThreshold && triggered) {
        if (tempEnd == 0) {
          tempEnd = at;
        }
        if (at - tempEnd > minSilenceSamplesAtMaxSpeech) {
          prevEnd = tempEnd;
        }
        if (at - tempEnd < minSilenceSamples) {
          continue;
        }
        current[1] = tempEnd;
        if (current[1] - current[0] > minSpeechSamples) {
          speeches.add(current);
        }
        current = null;
        prevEnd = nextStart = tempEnd = 0;
        triggered = false;
      }
    }
    if (current != null && length - current[0] > minSpeechSamples) {
      current[1] = length;
      speeches.add(current);
    }
    for (int i = 0; i < speeches.size(); i++) {
      int[] speech = speeches.get(i);
      if (i == 0) {
        speech[0] = (int) Math.max(0, speech[0] - speechPadSamples);
      }
      if (i != speeches.size() - 1) {
        int[] next = speeches.get(i + 1);
        int silence = next[0] - speech[1];
        if (silence < 2 * speechPadSamples) {
          speech[1] += silence / 2;
          next[0] = Math.max(0, next[0] - silence / 2);
        } else {
          speech[1] = (int) Math.min(length, speech[1] + speechPadSamples);
          next[0] = (int) Math.max(0, next[0] - speechPadSamples);
        }
      } else {
        speech[1] = (int) Math.min(length, speech[1] + speechPadSamples);
      }
    }
    return speeches;
  }
}
