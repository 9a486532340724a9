package io.fastrtc.jakarta.runtime.socket;

import static org.assertj.core.api.Assertions.assertThat;

import io.fastrtc.jakarta.runtime.wire.SocketEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextAssemblyTest {
  private final List<String> whole = new ArrayList<>();
  private final List<Long> tooLong = new ArrayList<>();
  private final TextAssembly assembly = new TextAssembly(whole::add, tooLong::add);

  @Test
  void aMessageInOnePartIsHandedOnAsItIs() {
    assembly.part("{\"event\":\"ping\"}", true);
    assertThat(whole).containsExactly("{\"event\":\"ping\"}");
    assertThat(tooLong).isEmpty();
  }

  @Test
  void partsAreJoinedUntilTheLastOne() {
    assembly.part("{\"event\":", false);
    assembly.part("\"ping\"}", true);
    assembly.part("next", true);
    assertThat(whole).containsExactly("{\"event\":\"ping\"}", "next");
  }

  @Test
  void aMessageAtTheLimitIsKept() {
    assembly.part("x".repeat(SocketEvent.MAX_MESSAGE_CHARS - 10), false);
    assembly.part("x".repeat(10), true);
    assertThat(whole).singleElement().satisfies(m -> assertThat(m).hasSize(262_144));
  }

  @Test
  void aLongerMessageIsOnlyCountedAndTheNextOneIsWholeAgain() {
    for (int i = 0; i < 20; i++) {
      assembly.part("x".repeat(15_000), false);
    }
    assembly.part("x".repeat(26), true);
    assembly.part("{\"event\":\"ping\"}", true);
    assertThat(tooLong).containsExactly(300_026L);
    assertThat(whole).containsExactly("{\"event\":\"ping\"}");
    assertThat(SocketEvent.tooLarge(300_026))
        .startsWith("message too large: 300026 characters, the limit is 262144");
  }
}
