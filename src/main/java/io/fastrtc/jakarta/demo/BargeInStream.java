package io.fastrtc.jakarta.demo;

import io.fastrtc.jakarta.api.AudioFrame;
import io.fastrtc.jakarta.api.Emission;
import io.fastrtc.jakarta.api.Modality;
import io.fastrtc.jakarta.api.RealtimeStream;
import io.fastrtc.jakarta.handlers.turn.EnergyVoiceActivityModel;
import io.fastrtc.jakarta.handlers.turn.Replies;
import io.fastrtc.jakarta.handlers.turn.ReplyOnPause;
import io.fastrtc.jakarta.handlers.turn.ReplyOptions;
import jakarta.enterprise.context.Dependent;

/**
 * Turn-taking and barge-in on {@link ReplyOnPause}: greets with a three-second tone, answers every
 * utterance with the tone again, and when the caller talks over the tone the reply stops at once
 * (its queued audio flushed: {@code clear} on WebSocket and Twilio) with {@code
 * {"type":"log","data":"interrupted"}}. Listens with the model-free {@link
 * EnergyVoiceActivityModel}, so any sound interrupts (speech, a clap, a test tone); {@code
 * talk-back} listens with the server's model (Silero), which hears only speech.
 */
@RealtimeStream(
    name = "barge-in",
    modality = Modality.AUDIO,
    concurrencyLimit = 5,
    description = "Answers each utterance with a 3 s tone; talk over it to interrupt")
@Dependent
public class BargeInStream extends ReplyOnPause {
  static final double REPLY_HZ = 523.25;
  static final double REPLY_SECONDS = 3;
  static final int RATE = 24_000;

  /** A stream bean: every turn and the greeting are answered with the tone. */
  public BargeInStream() {
    super(
        u -> Replies.of(Emission.audio(AudioFrame.fromFloats(RATE, tone()))),
        ReplyOptions.builder()
            .model(new EnergyVoiceActivityModel())
            .startup(u -> Replies.of(Emission.audio(AudioFrame.fromFloats(RATE, tone()))))
            .build());
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
