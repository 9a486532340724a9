package io.fastrtc.jakarta.runtime.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class InputKindTest {
  enum Color {
    RED
  }

  @Test
  void everyInputTypeMapsToItsKind() {
    assertThat(InputKind.of(int.class)).contains(InputKind.INTEGER);
    assertThat(InputKind.of(Integer.class)).contains(InputKind.INTEGER);
    assertThat(InputKind.of(long.class)).contains(InputKind.INTEGER);
    assertThat(InputKind.of(Long.class)).contains(InputKind.INTEGER);
    assertThat(InputKind.of(double.class)).contains(InputKind.NUMBER);
    assertThat(InputKind.of(Double.class)).contains(InputKind.NUMBER);
    assertThat(InputKind.of(float.class)).contains(InputKind.NUMBER);
    assertThat(InputKind.of(Float.class)).contains(InputKind.NUMBER);
    assertThat(InputKind.of(boolean.class)).contains(InputKind.BOOLEAN);
    assertThat(InputKind.of(Boolean.class)).contains(InputKind.BOOLEAN);
    assertThat(InputKind.of(String.class)).contains(InputKind.STRING);
    assertThat(InputKind.of(Color.class)).contains(InputKind.ENUM);
  }

  @Test
  void otherTypesHaveNoKind() {
    assertThat(InputKind.of(Duration.class)).isEmpty();
    assertThat(InputKind.of(short.class)).isEmpty();
    assertThat(InputKind.of(Object.class)).isEmpty();
  }

  @Test
  void wireNamesAreTheMetadataTypes() {
    assertThat(Arrays.stream(InputKind.values()).map(InputKind::wireName))
        .containsExactly("integer", "number", "boolean", "string", "enum");
  }
}
