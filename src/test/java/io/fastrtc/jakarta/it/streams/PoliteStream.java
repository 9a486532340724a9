package io.fastrtc.jakarta.it.streams;

import io.fastrtc.jakarta.api.AudioFrame;
import io.fastrtc.jakarta.api.Emission;
import io.fastrtc.jakarta.api.Modality;
import io.fastrtc.jakarta.api.RealtimeStream;
import io.fastrtc.jakarta.handlers.turn.Replies;
import io.fastrtc.jakarta.handlers.turn.ReplyOnPause;
import io.fastrtc.jakarta.handlers.turn.ReplyOptions;
import jakarta.enterprise.context.Dependent;

/** ReplyOnPause with {@code canInterrupt} false: every turn is answered with 2 s of 440 Hz. */
@RealtimeStream(name = "polite", modality = Modality.AUDIO, concurrencyLimit = 3)
@Dependent
public class PoliteStream extends ReplyOnPause {
  static final int RATE = 24_000;

  /** A stream bean. */
  public PoliteStream() {
    super(
        u -> Replies.of(Emission.audio(tone())),
        ReplyOptions.builder().canInterrupt(false).build());
  }

  static AudioFrame tone() {
    float[] out = new float[RATE * 2];
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) (0.3 * Math.sin(2 * Math.PI * 440 * i / RATE));
    }
    return AudioFrame.fromFloats(RATE, out);
  }
}
