package io.fastrtc.jakarta.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AudioTest {

  private static final int RATE = 48_000;

  @ParameterizedTest
  @CsvSource({
    "440, 48000",
    "880, 48000",
    "441.7, 48000",
    "100, 48000",
    "3000, 48000",
    "440, 16000",
    "880, 24000",
    "1000, 8000"
  })
  void estimatesFrequencyOfCleanToneWithinOneHertz(double hz, int rate) {
    short[] tone = Audio.sine(hz, 0.5, rate, 0.5);

    assertThat(Audio.dominantFrequency(tone, rate)).isCloseTo(hz, within(1.0));
  }

  @Test
  void tells440From880OnHalfASecond() {
    double low = Audio.dominantFrequency(Audio.sine(440, 0.5, RATE, 0.3), RATE);
    double high = Audio.dominantFrequency(Audio.sine(880, 0.5, RATE, 0.3), RATE);

    assertThat(low).isCloseTo(440, within(5.0));
    assertThat(high).isCloseTo(880, within(5.0));
  }

  @Test
  void findsToneBuriedInLoudNoise() {
    // Noise RMS (~0.29 of full scale * 0.8) is larger than the tone RMS (0.2 * 0.707).
    short[] noisy = Audio.mix(Audio.sine(440, 0.5, RATE, 0.2), Audio.noise(0.5, RATE, 0.8, 42));

    assertThat(Audio.rms(noisy)).isGreaterThan(Audio.rms(Audio.sine(440, 0.5, RATE, 0.2)));
    assertThat(Audio.dominantFrequency(noisy, RATE)).isCloseTo(440, within(5.0));
  }

  @Test
  void picksTheLouderOfTwoTones() {
    short[] chord = Audio.mix(Audio.sine(880, 0.5, RATE, 0.4), Audio.sine(440, 0.5, RATE, 0.1));

    assertThat(Audio.dominantFrequency(chord, RATE)).isCloseTo(880, within(5.0));
  }

  @Test
  void ignoresDcOffset() {
    short[] tone = Audio.sine(440, 0.5, RATE, 0.3);
    short[] offset = Audio.mix(tone, filled(tone.length, (short) 8000));

    assertThat(Audio.dominantFrequency(offset, RATE)).isCloseTo(440, within(5.0));
  }

  @Test
  void silenceHasNoFrequencyAndZeroLevel() {
    short[] silence = Audio.silence(0.5, RATE);

    assertThat(silence).hasSize(24_000);
    assertThat(Audio.rms(silence)).isZero();
    assertThat(Audio.dominantFrequency(silence, RATE)).isZero();
  }

  @Test
  void rmsOfSineIsPeakOverRootTwo() {
    short[] tone = Audio.sine(1000, 1.0, RATE, 0.5);

    assertThat(Audio.rms(tone)).isCloseTo(0.5 * Audio.FULL_SCALE / Math.sqrt(2), within(5.0));
    assertThat(Audio.rms(new short[0])).isZero();
  }

  @Test
  void mixClipsInsteadOfWrappingAround() {
    short[] loud = Audio.sine(100, 0.1, RATE, 1.0);

    short[] doubled = Audio.mix(loud, loud);

    assertThat(doubled).contains(Short.MAX_VALUE, Short.MIN_VALUE);
    assertThat(Audio.rms(doubled)).isGreaterThan(Audio.rms(loud));
  }

  @Test
  void rejectsTooShortInput() {
    assertThatThrownBy(() -> Audio.dominantFrequency(new short[10], RATE))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void writesCanonicalMonoPcmWav(@TempDir Path dir) throws IOException {
    short[] samples = {0, 1, -1, Short.MAX_VALUE, Short.MIN_VALUE};
    Path file = dir.resolve("tone.wav");

    Audio.writeWav(file, samples, 16_000);

    ByteBuffer wav = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
    assertThat(wav.capacity()).isEqualTo(44 + 10);
    assertThat(ascii(wav, 0)).isEqualTo("RIFF");
    assertThat(wav.getInt(4)).isEqualTo(36 + 10);
    assertThat(ascii(wav, 8)).isEqualTo("WAVE");
    assertThat(ascii(wav, 12)).isEqualTo("fmt ");
    assertThat(wav.getShort(20)).isEqualTo((short) 1); // PCM
    assertThat(wav.getShort(22)).isEqualTo((short) 1); // mono
    assertThat(wav.getInt(24)).isEqualTo(16_000);
    assertThat(wav.getInt(28)).isEqualTo(32_000); // byte rate
    assertThat(wav.getShort(34)).isEqualTo((short) 16);
    assertThat(ascii(wav, 36)).isEqualTo("data");
    assertThat(wav.getInt(40)).isEqualTo(10);
    short[] read = new short[samples.length];
    for (int i = 0; i < read.length; i++) {
      read[i] = wav.getShort(44 + 2 * i);
    }
    assertThat(read).containsExactly(samples);
  }

  private static short[] filled(int length, short value) {
    short[] out = new short[length];
    Arrays.fill(out, value);
    return out;
  }

  private static String ascii(ByteBuffer buf, int offset) {
    return new String(buf.array(), offset, 4, StandardCharsets.US_ASCII);
  }
}
