package io.fastrtc.jakarta.runtime.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameAssemblerTest {
  private final List<short[]> frames = new ArrayList<>();
  private final FrameAssembler assembler = new FrameAssembler(960, frames::add);

  @Test
  void joinsTenMillisecondChunksIntoTwentyMillisecondFrames() {
    assembler.accept(filled(480, 1));
    assertThat(frames).isEmpty();
    assembler.accept(filled(480, 2));
    assertThat(frames).hasSize(1);
    assertThat(frames.get(0)[0]).isEqualTo((short) 1);
    assertThat(frames.get(0)[959]).isEqualTo((short) 2);
  }

  @Test
  void splitsLargeChunksAndKeepsTheRemainder() {
    assembler.accept(filled(2500, 7));
    assertThat(frames).hasSize(2);
    assertThat(assembler.pending()).isEqualTo(580);
  }

  @Test
  void handsOutIndependentCopies() {
    assembler.accept(filled(1920, 3));
    frames.get(0)[0] = 99;
    assertThat(frames.get(1)[0]).isEqualTo((short) 3);
  }

  private static short[] filled(int n, int value) {
    short[] s = new short[n];
    java.util.Arrays.fill(s, (short) value);
    return s;
  }
}
