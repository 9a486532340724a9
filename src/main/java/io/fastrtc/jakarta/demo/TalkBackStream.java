package io.fastrtc.jakarta.demo;

import io.fastrtc.jakarta.api.AudioEmission;
import io.fastrtc.jakarta.api.AudioFrame;
import io.fastrtc.jakarta.api.Emission;
import io.fastrtc.jakarta.api.Modality;
import io.fastrtc.jakarta.api.RealtimeStream;
import io.fastrtc.jakarta.handlers.turn.Replies;
import io.fastrtc.jakarta.handlers.turn.ReplyOnPause;
import io.fastrtc.jakarta.handlers.turn.ReplyOptions;
import io.fastrtc.jakarta.handlers.turn.Utterance;
import jakarta.enterprise.context.Dependent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Flow;

/**
 * A voice agent without a model of language: greets with a rising chime when you connect, and after
 * each pause plays what you said back slowed to 80 % (so lower and longer). Talk over it to cut it
 * off. Its page shows the turn events as they come.
 */
@RealtimeStream(
    name = "talk-back",
    modality = Modality.AUDIO,
    concurrencyLimit = 5,
    description = "Greets you, then plays each utterance back slowed down after you pause")
@Dependent
public class TalkBackStream extends ReplyOnPause {
  /** The utterance's rate. */
  static final int UTTERANCE_RATE = 16_000;

  /** The rate the utterance is played at: 80 % of its own, so slower and lower. */
  static final int PLAYBACK_RATE = 12_800;

  /** The reply is sent in pieces this long, so a barge-in has little to cancel. */
  static final int CHUNK_MILLIS = 100;

  static final int CHIME_RATE = 24_000;

  /** A stream bean. */
  public TalkBackStream() {
    super(
        TalkBackStream::slowedDown,
        ReplyOptions.builder()
            .utteranceSampleRate(UTTERANCE_RATE)
            .startup(u -> Replies.of(Emission.audio(chime())))
            .build());
  }

  /** The utterance relabelled at 80 % of its rate, in 100 ms pieces. */
  static Flow.Publisher<AudioEmission> slowedDown(Utterance utterance) {
    short[] samples = utterance.audio().samples();
    int chunk = PLAYBACK_RATE * CHUNK_MILLIS / 1000;
    List<AudioEmission> pieces = new ArrayList<>();
    for (int at = 0; at < samples.length; at += chunk) {
      short[] piece = Arrays.copyOfRange(samples, at, Math.min(samples.length, at + chunk));
      pieces.add(Emission.audio(AudioFrame.mono(PLAYBACK_RATE, piece)));
    }
    return Replies.from(pieces);
  }

  /** Two rising notes (E5, A5), 250 ms each, with short fades. */
  static AudioFrame chime() {
    double[] notes = {659.25, 880.0};
    int each = CHIME_RATE / 4;
    int fade = CHIME_RATE / 100;
    float[] out = new float[each * notes.length];
    for (int n = 0; n < notes.length; n++) {
      for (int i = 0; i < each; i++) {
        double gain = Math.min(1, Math.min(i, each - 1 - i) / (double) fade);
        out[n * each + i] =
            (float) (0.25 * gain * Math.sin(2 * Math.PI * notes[n] * i / CHIME_RATE));
      }
    }
    return AudioFrame.fromFloats(CHIME_RATE, out);
  }
}
