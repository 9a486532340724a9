package io.fastrtc.jakarta.runtime.connection;

import static org.assertj.core.api.Assertions.assertThat;

import io.fastrtc.jakarta.api.AudioFrame;
import io.fastrtc.jakarta.runtime.webrtc.WebRtcEngine;
import io.fastrtc.jakarta.testing.RecordingTransport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The handler's audio leaves at the stream's output rate whatever rate it was made at: a 16 kHz
 * voice's chunks, resampled by libwebrtc's resampler, keep their length and pitch at 48 kHz.
 */
@Tag("native")
class AudioOutputTest {

  @Test
  void sixteenKilohertzChunksLeaveAtTheStreamsRateWithTheirDuration() {
    AudioOutput output = new AudioOutput(48_000, WebRtcEngine.resamplers(), new RuntimeMetrics());
    RecordingTransport transport = new RecordingTransport();
    for (int sentence = 0; sentence < 3; sentence++) {
      output.write(AudioFrame.mono(16_000, sine(440, 16_000, 7_000))); // 437.5 ms each
    }

    int ticks = 0;
    while (output.bufferedMillis() > 0) {
      output.tick(transport, System.nanoTime());
      ticks++;
    }

    assertThat(transport.frames).allSatisfy(f -> assertThat(f).hasSize(480));
    assertThat(ticks * 10).isBetween(1300, 1313); // 3 x 437.5 ms, less the last partial 10 ms
    short[] all = new short[transport.frames.size() * 480];
    for (int i = 0; i < transport.frames.size(); i++) {
      System.arraycopy(transport.frames.get(i), 0, all, i * 480, 480);
    }
    assertThat(zeroCrossingHz(all, 48_000, 4_800, 48_000)).isBetween(430.0, 450.0);
  }

  @Test
  void aFlushDropsWhatTheResamplerHeldBack() {
    AudioOutput output = new AudioOutput(48_000, WebRtcEngine.resamplers(), new RuntimeMetrics());
    output.write(AudioFrame.mono(16_000, sine(440, 16_000, 150))); // 9.4 ms: held back

    output.flush(null);
    output.write(AudioFrame.mono(16_000, new short[160])); // 10 ms of silence

    assertThat(output.bufferedMillis()).isEqualTo(10);
    RecordingTransport transport = new RecordingTransport();
    output.tick(transport, System.nanoTime());
    assertThat(transport.frames.get(0)).containsOnly((short) 0);
  }

  static short[] sine(double hz, int rate, int samples) {
    short[] out = new short[samples];
    for (int i = 0; i < samples; i++) {
      out[i] = (short) (8_000 * Math.sin(2 * Math.PI * hz * i / rate));
    }
    return out;
  }

  static double zeroCrossingHz(short[] s, int rate, int from, int to) {
    int crossings = 0;
    for (int i = from + 1; i < Math.min(to, s.length); i++) {
      if ((s[i - 1] < 0) != (s[i] < 0)) {
        crossings++;
      }
    }
    return crossings / 2.0 / ((Math.min(to, s.length) - from) / (double) rate);
  }
}
