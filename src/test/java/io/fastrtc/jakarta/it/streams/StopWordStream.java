package io.fastrtc.jakarta.it.streams;

import io.fastrtc.jakarta.api.AudioEmission;
import io.fastrtc.jakarta.api.AudioFrame;
import io.fastrtc.jakarta.api.Emission;
import io.fastrtc.jakarta.api.Modality;
import io.fastrtc.jakarta.api.Output;
import io.fastrtc.jakarta.api.OutputKind;
import io.fastrtc.jakarta.api.RealtimeStream;
import io.fastrtc.jakarta.api.speech.SpeechToText;
import io.fastrtc.jakarta.handlers.turn.Replies;
import io.fastrtc.jakarta.handlers.turn.ReplyOnStopWords;
import io.fastrtc.jakarta.handlers.turn.ReplyOptions;
import io.fastrtc.jakarta.handlers.turn.StopWords;
import io.fastrtc.jakarta.handlers.turn.Utterance;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.concurrent.Flow;

/**
 * ReplyOnStopWords with the stop word "computer" and the server's speech-to-text (Vosk): each turn
 * after the stop word is transcribed and published as the output {@code heard} (so a test can see
 * that the reply function got only the audio after the stop word), then answered with 1.5 s of 440
 * Hz.
 */
@RealtimeStream(
    name = "stop-words",
    modality = Modality.AUDIO,
    concurrencyLimit = 2,
    outputs = @Output(name = "heard", kind = OutputKind.LOG, label = "Heard after the stop word"))
@Dependent
public class StopWordStream extends ReplyOnStopWords {
  static final int RATE = 24_000;
  static final int TONE_HZ = 440;

  @Inject SpeechToText speechToText;

  /** A stream bean. */
  public StopWordStream() {
    super(StopWords.of("computer"), ReplyOptions.builder().utteranceSampleRate(16_000).build());
  }

  @Override
  protected Flow.Publisher<? extends AudioEmission> reply(Utterance utterance) {
    String heard = utterance.isEmpty() ? "" : speechToText.transcribe(utterance.audio());
    return Replies.of(Emission.outputs(heard), Emission.audio(tone()));
  }

  static AudioFrame tone() {
    float[] out = new float[RATE * 3 / 2];
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) (0.3 * Math.sin(2 * Math.PI * TONE_HZ * i / RATE));
    }
    return AudioFrame.fromFloats(RATE, out);
  }
}
