package io.fastrtc.jakarta.handlers.speech.vosk;

import static org.assertj.core.api.Assertions.assertThat;

import io.fastrtc.jakarta.api.AudioFrame;
import io.fastrtc.jakarta.api.speech.TextToSpeech;
import io.fastrtc.jakarta.handlers.speech.flite.FliteSpeech;
import io.fastrtc.jakarta.handlers.speech.freetts.FreeTtsSpeech;
import io.fastrtc.jakarta.runtime.audio.Resampler;
import io.fastrtc.jakarta.runtime.webrtc.WebRtcEngine;
import io.fastrtc.jakarta.testing.SpeechSynth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What a voice agent says can be understood: each engine's sentences, streamed sentence by
 * sentence, resampled to a WebRTC stream's 48 kHz by the runtime's resampler (as {@code
 * AudioOutput} does) and fed to Vosk, read back as the text (most words). Prints what was heard.
 */
@Tag("native")
class SpeechRoundTripTest {
  static final List<String> ANSWERS =
      List.of(
          "It is three fifteen in the afternoon.",
          "Seven times six is forty two.",
          "Today is Saturday the fifth of December.",
          "You said: open the front door.");

  private static VoskSpeechToText stt;

  @BeforeAll
  static void loadModel() {
    stt = VoskSpeechToText.load(VoskModelLocation.configured());
  }

  @AfterAll
  static void closeModel() {
    stt.close();
  }

  @Test
  void freeTtsAtTheStreamsRateReadsBackAsTheText() {
    try (FreeTtsSpeech voice = FreeTtsSpeech.load()) {
      assertThat(wordErrorRate("FreeTTS kevin16", voice)).isLessThanOrEqualTo(0.35);
    }
  }

  @Test
  void fliteAtTheStreamsRateReadsBackAsTheText() {
    SpeechSynth.requireTools();
    assertThat(wordErrorRate("flite slt", new FliteSpeech())).isLessThanOrEqualTo(0.2);
  }

  private static double wordErrorRate(String name, TextToSpeech voice) {
    int errors = 0;
    int words = 0;
    for (String text : ANSWERS) {
      AudioFrame at48k = streamedAt(48_000, voice, text);
      String heard = stt.transcribe(at48k);
      int e = WordErrors.count(text, heard);
      System.out.printf(
          "%s -> 48 kHz -> Vosk: \"%s\" heard \"%s\" (%d errors)%n", name, text, heard, e);
      errors += e;
      words += WordErrors.words(text).size();
    }
    double wer = errors / (double) words;
    System.out.printf(
        "%s round trip: word error rate %.1f %% over %d words%n", name, 100 * wer, words);
    return wer;
  }

  /** The voice's chunks through one streaming resampler, as the connection's output does. */
  private static AudioFrame streamedAt(int rate, TextToSpeech voice, String text) {
    List<short[]> parts = new ArrayList<>();
    try (Resampler r = WebRtcEngine.resamplers().create(voice.sampleRate(), rate)) {
      voice.stream(text).forEachRemaining(chunk -> parts.add(r.process(chunk.samples())));
      parts.add(r.process(new short[voice.sampleRate() / 10])); // 100 ms of silence flushes it
    }
    int n = parts.stream().mapToInt(p -> p.length).sum();
    short[] all = new short[n];
    int at = 0;
    for (short[] p : parts) {
      System.arraycopy(p, 0, all, at, p.length);
      at += p.length;
    }
    return AudioFrame.mono(rate, all);
  }
}
