package io.fastrtc.jakarta.runtime.audio;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PcmTest {
  @Test
  void bytesRoundTripAsLittleEndianInt16() {
    short[] samples = {0, 1, -1, Short.MAX_VALUE, Short.MIN_VALUE, 0x1234};
    byte[] bytes = new byte[samples.length * 2];
    Pcm.toBytes(samples, samples.length, bytes);
    assertThat(bytes[10]).isEqualTo((byte) 0x34);
    assertThat(bytes[11]).isEqualTo((byte) 0x12);
    assertThat(Pcm.toShorts(bytes, samples.length)).isEqualTo(samples);
  }

  @Test
  void downmixesStereoByAveraging() {
    assertThat(Pcm.toMono(new short[] {100, 300, -50, 50}, 2)).containsExactly(200, 0);
    short[] mono = {1, 2};
    assertThat(Pcm.toMono(mono, 1)).isSameAs(mono);
    assertThat(Pcm.toStereo(mono)).containsExactly(1, 1, 2, 2);
  }

  @Test
  void decodesBytesStraightToMonoIntoAReusedBuffer() {
    short[] stereo = {100, 300, -50, 50, Short.MIN_VALUE, Short.MIN_VALUE};
    byte[] bytes = new byte[stereo.length * 2];
    Pcm.toBytes(stereo, stereo.length, bytes);
    short[] out = new short[8];
    Pcm.toMono(bytes, 3, 2, out);
    assertThat(out).startsWith((short) 200, (short) 0, Short.MIN_VALUE);
    Pcm.toMono(bytes, 6, 1, out);
    assertThat(out).startsWith(stereo);
    short[] offset = new short[4];
    Pcm.toShorts(bytes, 2, offset, 2);
    assertThat(offset).containsExactly(0, 0, 100, 300);
  }
}
