package io.fastrtc.jakarta.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.fastrtc.jakarta.testkit.HandlerTester;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The README's client example is the script of {@code examples/client.html}, which
 * BrowserStreamPagesIT runs in Chromium, its handler unit test is {@link EchoTest}, which runs
 * here, and its voice agent is {@link Agent}, compiled and started here; this keeps each pair the
 * same.
 */
class ReadmeExampleTest {
  @Test
  void readmeShowsTheTestedClientExampleVerbatim() throws Exception {
    String page = Files.readString(Path.of("src/main/webapp/examples/client.html"));
    int start = page.indexOf("<script type=\"module\">");
    int end = page.indexOf("</script>", start);
    assertThat(start).as("the example's module script").isNotNegative();
    String script = page.substring(start, end + "</script>".length());
    String readme = Files.readString(Path.of("README.md"));
    assertThat(readme).as("README.md").contains(script);
    assertThat(script.lines().count()).as("lines in the example").isLessThanOrEqualTo(22);
  }

  @Test
  void readmeShowsTheTestedHandlerUnitTestVerbatim() throws Exception {
    String test = Files.readString(Path.of("src/test/java/io/fastrtc/jakarta/docs/EchoTest.java"));
    String body = test.substring(test.indexOf("\nclass EchoTest") + 1);
    String readme = Files.readString(Path.of("README.md"));
    assertThat(readme).as("README.md").contains("```java\n" + body + "```");
    assertThat(body.lines().count()).as("lines in the example").isLessThanOrEqualTo(12);
  }

  @Test
  void readmeShowsTheCompiledAgentVerbatimAndItGreets() throws Exception {
    String source = Files.readString(Path.of("src/test/java/io/fastrtc/jakarta/docs/Agent.java"));
    String body = source.substring(source.indexOf("\n@RealtimeStream") + 1);
    String readme = Files.readString(Path.of("README.md"));
    assertThat(readme).as("README.md").contains("```java\n" + body + "```");
    try (HandlerTester tester = HandlerTester.start(new Agent())) {
      assertThat(tester.awaitAudio()).as("the start-up reply").isEqualTo(Agent.hello());
    }
  }
}
