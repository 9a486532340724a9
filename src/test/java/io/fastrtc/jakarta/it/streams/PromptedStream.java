package io.fastrtc.jakarta.it.streams;

import io.fastrtc.jakarta.api.AudioFrame;
import io.fastrtc.jakarta.api.Emission;
import io.fastrtc.jakarta.api.Input;
import io.fastrtc.jakarta.api.Modality;
import io.fastrtc.jakarta.api.RealtimeStream;
import io.fastrtc.jakarta.handlers.turn.Replies;
import io.fastrtc.jakarta.handlers.turn.ReplyOnPause;
import io.fastrtc.jakarta.handlers.turn.ReplyOptions;
import jakarta.enterprise.context.Dependent;
import java.time.Duration;

/**
 * ReplyOnPause that asks for its inputs at every turn ({@code needsInputs}) and also replies when
 * the {@code push} input is switched on (push-to-talk, {@code triggerInput}): each reply is 3 s of
 * a tone at the {@code frequency} input the client sent for that turn.
 */
@RealtimeStream(
    name = "prompted",
    modality = Modality.AUDIO,
    concurrencyLimit = 3,
    inputs = PromptedStream.Inputs.class)
@Dependent
public class PromptedStream extends ReplyOnPause {
  static final int RATE = 24_000;

  /**
   * The inputs.
   *
   * @param frequency the reply tone's frequency
   * @param push switched on to reply without a pause
   */
  public record Inputs(
      @Input(label = "Frequency", defaultValue = "440") int frequency,
      @Input(label = "Push to talk", defaultValue = "false") boolean push) {}

  /** A stream bean. */
  public PromptedStream() {
    super(
        u -> Replies.of(Emission.audio(tone(u.inputs(Inputs.class).frequency()))),
        ReplyOptions.builder()
            .needsInputs(true)
            .inputsTimeout(Duration.ofSeconds(10))
            .triggerInput("push")
            .build());
  }

  static AudioFrame tone(int hz) {
    float[] out = new float[RATE * 3];
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) (0.3 * Math.sin(2 * Math.PI * hz * i / RATE));
    }
    return AudioFrame.fromFloats(RATE, out);
  }
}
