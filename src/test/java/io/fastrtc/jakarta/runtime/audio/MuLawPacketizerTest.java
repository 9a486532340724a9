package io.fastrtc.jakarta.runtime.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MuLawPacketizerTest {
  private final MuLawPacketizer packets = new MuLawPacketizer(4);
  private final List<byte[]> out = new ArrayList<>();

  @Test
  void fullPacketsLeaveAsSoonAsTheyFillAcrossWrites() {
    packets.write(new short[] {0, 0, 0}, out::add);
    assertThat(out).isEmpty();
    packets.write(new short[] {0, 32767, -32768, 0, 0, 0}, out::add);
    assertThat(out)
        .containsExactly(
            new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF},
            new byte[] {(byte) 0x80, 0x00, (byte) 0xFF, (byte) 0xFF});
    assertThat(packets.pending()).isEqualTo(1);
  }

  @Test
  void flushSendsThePartialPacketAndDiscardDropsIt() {
    packets.write(new short[] {0, 0}, out::add);
    packets.flush(out::add);
    packets.flush(out::add);
    assertThat(out)
        .hasSize(1)
        .first()
        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.BYTE_ARRAY)
        .hasSize(2);
    packets.write(new short[] {0, 0, 0}, out::add);
    assertThat(packets.discard()).isEqualTo(3);
    packets.flush(out::add);
    assertThat(out).hasSize(1);
  }
}
