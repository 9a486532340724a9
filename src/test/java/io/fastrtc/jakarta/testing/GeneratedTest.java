package io.fastrtc.jakarta.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GeneratedTest {
  private final String previousSeed = System.getProperty(Generated.SEED_PROPERTY);

  @AfterEach
  void restoreSeed() {
    if (previousSeed == null) {
      System.clearProperty(Generated.SEED_PROPERTY);
    } else {
      System.setProperty(Generated.SEED_PROPERTY, previousSeed);
    }
  }

  @Test
  void aFailureNamesTheSeedTheCaseAndTheEscapedInput() {
    System.setProperty(Generated.SEED_PROPERTY, "42");

    assertThatThrownBy(
            () ->
                Generated.forAll(
                    50, Generated.of("ok", "bad\u0000"), s -> assertThat(s).isEqualTo("ok")))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("-Dproperties.seed=42")
        .hasMessageContaining("input: bad\\u0000")
        .hasMessageContaining("case ");
  }

  @Test
  void theSameSeedReplaysTheSameCases() {
    System.setProperty(Generated.SEED_PROPERTY, "7");
    List<String> first = new ArrayList<>();
    List<String> second = new ArrayList<>();

    Generated.forAll(100, Generated.strings(20), first::add);
    Generated.forAll(100, Generated.strings(20), second::add);

    assertThat(first).hasSize(100).isEqualTo(second);
  }

  @Test
  void intsStayWithinTheirBoundsAndReachThem() {
    List<Integer> seen = new ArrayList<>();

    Generated.forAll(
        500,
        Generated.ints(-1, 6),
        i -> {
          assertThat(i).isBetween(-1, 6);
          seen.add(i);
        });

    assertThat(seen).contains(-1, 6);
  }
}
