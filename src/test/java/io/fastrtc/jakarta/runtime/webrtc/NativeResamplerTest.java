package io.fastrtc.jakarta.runtime.webrtc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fastrtc.jakarta.runtime.audio.Resampler;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** libwebrtc's resampler through our chunking wrapper: length, level and pitch survive. */
@Tag("native")
class NativeResamplerTest {

  @ParameterizedTest
  @CsvSource({"48000,16000", "48000,24000", "24000,48000", "8000,48000", "48000,8000"})
  void keepsPitchAndLevelAcrossRates(int in, int out) {
    try (Resampler r = NativeResampler.factory().create(in, out)) {
      short[] input = sine(440, in, in); // one second
      short[] output = new short[0];
      for (int off = 0; off < input.length; off += 333) { // odd chunk sizes
        short[] chunk = java.util.Arrays.copyOfRange(input, off, Math.min(input.length, off + 333));
        output = concat(output, r.process(chunk));
      }
      assertThat(output.length).isBetween(out - out / 100, out);
      short[] tail = java.util.Arrays.copyOfRange(output, out / 4, output.length);
      assertThat(goertzelPower(tail, out, 440)).isGreaterThan(50 * goertzelPower(tail, out, 880));
      assertThat(rms(tail)).isBetween(0.9 * 10_000 / Math.sqrt(2), 1.1 * 10_000 / Math.sqrt(2));
    }
  }

  @Test
  void equalRatesPassThrough() {
    Resampler r = NativeResampler.factory().create(16_000, 16_000);
    short[] s = {1, 2, 3};
    assertThat(r.process(s)).isSameAs(s);
  }

  @Test
  void refusesRatesWithoutWholeTenMillisecondBlocks() {
    assertThatThrownBy(() -> NativeResampler.factory().create(22_050, 48_000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("multiples of 100");
  }

  @Test
  void explainsAMissingPulseAudioLibrary() {
    String text =
        NativeLibrary.explain(
            new UnsatisfiedLinkError("libpulse.so.0: cannot open shared object file"));
    assertThat(text).contains("apt-get install libpulse0");
  }

  private static short[] sine(double hz, int rate, int n) {
    short[] s = new short[n];
    for (int i = 0; i < n; i++) {
      s[i] = (short) (10_000 * Math.sin(2 * Math.PI * hz * i / rate));
    }
    return s;
  }

  private static short[] concat(short[] a, short[] b) {
    short[] c = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }

  private static double goertzelPower(short[] x, int rate, double hz) {
    double w = 2 * Math.PI * hz / rate;
    double coeff = 2 * Math.cos(w);
    double s1 = 0;
    double s2 = 0;
    for (short v : x) {
      double s0 = v + coeff * s1 - s2;
      s2 = s1;
      s1 = s0;
    }
    return s1 * s1 + s2 * s2 - coeff * s1 * s2;
  }

  private static double rms(short[] x) {
    double sum = 0;
    for (short v : x) {
      sum += (double) v * v;
    }
    return Math.sqrt(sum / x.length);
  }
}
