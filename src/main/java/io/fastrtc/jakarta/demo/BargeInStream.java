package io.fastrtc.jakarta.demo;

import io.fastrtc.jakarta.api.AudioEmission;
import io.fastrtc.jakarta.api.AudioFrame;
import io.fastrtc.jakarta.api.Emission;
import io.fastrtc.jakarta.api.Modality;
import io.fastrtc.jakarta.api.RealtimeStream;
import io.fastrtc.jakarta.api.StreamContext;
import io.fastrtc.jakarta.api.StreamHandler;
import jakarta.enterprise.context.Dependent;

/**
 * Turn-taking and barge-in without a model: greets with a three-second tone, answers every
 * utterance (loud audio followed by a pause) with the tone again, and when the caller talks over
 * the tone it flushes the queued audio, which stops playback on the client at once ({@code clear}
 * on WebSocket and Twilio) and sends {@code {"type":"log","data":"interrupted"}}.
 */
@RealtimeStream(
    name = "barge-in",
    modality = Modality.AUDIO,
    concurrencyLimit = 5,
    description = "Answers each utterance with a 3 s tone; talk over it to interrupt")
@Dependent
public class BargeInStream implements StreamHandler {
  static final double REPLY_HZ = 523.25;
  static final double REPLY_SECONDS = 3;
  static final int RATE = 24_000;

  /** RMS level (0..1) that counts as speech: about -34 dBFS. */
  static final double SPEECH_LEVEL = 0.02;

  static final double INTERRUPT_AFTER_MS = 100;
  static final double MIN_UTTERANCE_MS = 200;
  static final double PAUSE_MS = 600;

  private StreamContext context;
  private boolean replyDue = true;
  private long playingUntilNanos;
  private double speechMs;
  private double silenceMs;

  @Override
  public void startUp(StreamContext context) {
    this.context = context;
  }

  @Override
  public void receive(AudioFrame frame) {
    double ms = frame.durationMillis();
    if (frame.rms() >= SPEECH_LEVEL) {
      silenceMs = 0;
      speechMs += ms;
      if (speechMs >= INTERRUPT_AFTER_MS && System.nanoTime() < playingUntilNanos) {
        playingUntilNanos = 0;
        replyDue = false;
        context.flushAudio();
        context.send("log", "interrupted");
      }
    } else {
      silenceMs += ms;
      if (silenceMs >= PAUSE_MS) {
        if (speechMs >= MIN_UTTERANCE_MS) {
          replyDue = true;
        }
        speechMs = 0;
      }
    }
  }

  @Override
  public AudioEmission emit() {
    if (!replyDue) {
      return Emission.none();
    }
    replyDue = false;
    playingUntilNanos = System.nanoTime() + (long) (REPLY_SECONDS * 1e9);
    return Emission.audio(AudioFrame.fromFloats(RATE, tone()));
  }

  /** The reply: a sine with 10 ms fades, so starting and stopping make no click. */
  static float[] tone() {
    int n = (int) (REPLY_SECONDS * RATE);
    int fade = RATE / 100;
    float[] out = new float[n];
    for (int i = 0; i < n; i++) {
      double gain = Math.min(1, Math.min(i, n - 1 - i) / (double) fade);
      out[i] = (float) (0.3 * gain * Math.sin(2 * Math.PI * REPLY_HZ * i / RATE));
    }
    return out;
  }
}
