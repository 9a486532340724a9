package io.fastrtc.jakarta.docs;

import io.fastrtc.jakarta.api.AudioFrame;
import io.fastrtc.jakarta.api.Emission;
import io.fastrtc.jakarta.api.Modality;
import io.fastrtc.jakarta.api.RealtimeStream;
import io.fastrtc.jakarta.handlers.turn.Replies;
import io.fastrtc.jakarta.handlers.turn.ReplyOnPause;
import io.fastrtc.jakarta.handlers.turn.ReplyOptions;
import jakarta.enterprise.context.Dependent;

// README.md shows this class from "@RealtimeStream" on, verbatim (ReadmeExampleTest checks it).
@RealtimeStream(name = "agent", modality = Modality.AUDIO)
@Dependent
public class Agent extends ReplyOnPause {
  public Agent() {
    super(
        u -> Replies.of(Emission.audio(u.audio())), // your reply to the user's utterance
        ReplyOptions.builder().startup(u -> Replies.of(Emission.audio(hello()))).build());
  }

  static AudioFrame hello() { // your greeting: here 0.2 s of a 440 Hz tone
    float[] tone = new float[4_800];
    for (int i = 0; i < tone.length; i++) {
      tone[i] = (float) (0.3 * Math.sin(2 * Math.PI * 440 * i / 24_000));
    }
    return AudioFrame.fromFloats(24_000, tone);
  }
}
