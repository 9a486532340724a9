package io.fastrtc.jakarta.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import io.fastrtc.jakarta.runtime.stream.StreamDefinition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The engine names no demo class or package, not even as a string constant (which the layer rules
 * cannot see): the demo streams declare their own {@code @StreamGroup} instead.
 */
class RuntimeNamesNoDemoTest {

  @Test
  void noRuntimeOrWebClassMentionsTheDemoPackage() throws IOException, URISyntaxException {
    Path classes =
        Path.of(StreamDefinition.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<Path> offenders;
    try (Stream<Path> files = Files.walk(classes.resolve("io/fastrtc/jakarta"))) {
      offenders =
          files
              .filter(p -> p.toString().endsWith(".class"))
              .filter(p -> !classes.relativize(p).startsWith("io/fastrtc/jakarta/demo"))
              .filter(RuntimeNamesNoDemoTest::mentionsDemo)
              .toList();
    }
    assertThat(offenders).isEmpty();
  }

  private static boolean mentionsDemo(Path classFile) {
    try {
      String text = new String(Files.readAllBytes(classFile), StandardCharsets.ISO_8859_1);
      return text.contains("io.fastrtc.jakarta.demo") || text.contains("io/fastrtc/jakarta/demo");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
