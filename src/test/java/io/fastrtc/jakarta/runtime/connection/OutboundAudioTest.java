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

  @Test
  void wrapsAroundAndGrowsWithoutLosingOrderOrProductionTimes() {
    short[] frame = new short[240];
    int next = 0;
    int read = 0;
    // Steady streaming wraps the ring many times over.
    for (int i = 0; i < 500; i++) {
      audio.write(ramp(next, 480), 1000 + i);
      next += 480;
      assertThat(audio.read(frame)).isEqualTo(1000 + i);
      assertThat(frame).isEqualTo(ramp(read, 240));
      read += 240;
      audio.read(frame);
      read += 240;
    }
    // A writer far ahead (30 s at 24 kHz) grows it; everything comes back in order.
    for (int i = 0; i < 150; i++) {
      audio.write(ramp(next, 4800), 7);
      next += 4800;
    }
    assertThat(audio.bufferedMillis()).isEqualTo(30_000);
    for (int i = 0; i < 3000; i++) {
      audio.read(frame);
      assertThat(frame).isEqualTo(ramp(read, 240));
      read += 240;
    }
    assertThat(audio.read(frame)).isEqualTo(-1);
  }

  private static short[] ramp(int start, int count) {
    short[] s = new short[count];
    for (int i = 0; i < count; i++) {
      s[i] = (short) (start + i);
    }
    return s;
  }
}
