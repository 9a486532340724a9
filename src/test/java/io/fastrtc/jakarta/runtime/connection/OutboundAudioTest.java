package io.fastrtc.jakarta.runtime.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OutboundAudioTest {
  private final OutboundAudio audio = new OutboundAudio(24_000, 1);

  @Test
  void framesAreTenMillisecondsAtTheOutputRate() {
    assertThat(audio.frameSamples()).isEqualTo(240);
    assertThat(new OutboundAudio(48_000, 2).frameSamples()).isEqualTo(960);
  }

  @Test
  void reframesChunksOfAnySizeInOrderAndPadsWithSilence() {
    short[] first = ramp(0, 100);
    short[] second = ramp(100, 300);
    audio.write(first, 1);
    audio.write(second, 2);
    assertThat(audio.bufferedMillis()).isEqualTo(16); // 400 samples at 24 kHz

    short[] frame = new short[240];
    assertThat(audio.read(frame)).isEqualTo(1);
    assertThat(frame).isEqualTo(ramp(0, 240));

    assertThat(audio.read(frame)).isEqualTo(0); // continues a chunk that started earlier
    short[] expected = new short[240];
    System.arraycopy(ramp(240, 160), 0, expected, 0, 160);
    assertThat(frame).isEqualTo(expected);

    assertThat(audio.read(frame)).isEqualTo(-1);
    assertThat(frame).containsOnly((short) 0);
  }

  @Test
  void flushDropsEverythingNotYetPlayed() {
    audio.write(new short[2400], 5);
    assertThat(audio.flush()).isEqualTo(100);
    assertThat(audio.bufferedMillis()).isZero();
    assertThat(audio.read(new short[240])).isEqualTo(-1);
  }

  @Test
  void refusesRatesWithoutWholeTenMillisecondFrames() {
    assertThatThrownBy(() -> new OutboundAudio(22_050, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("22050");
  }

  private static short[] ramp(int start, int count) {
    short[] s = new short[count];
    for (int i = 0; i < count; i++) {
      s[i] = (short) (start + i);
    }
    return s;
  }
}
