package io.fastrtc.jakarta.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The starter's {@code server.xml} enables exactly the features of this WAR's (the ones the runtime
 * uses), and the README and docs/embedding.md name each of them.
 */
class StarterFeaturesTest {
  private static final Pattern FEATURE = Pattern.compile("<feature>([^<]+)</feature>");

  @Test
  void theStarterEnablesExactlyTheRuntimesFeaturesAndTheDocsNameThem() throws IOException {
    Set<String> runtime = features(Path.of("src/main/liberty/config/server.xml"));
    Set<String> starter = features(Path.of("starter/src/main/liberty/config/server.xml"));

    assertThat(starter).isEqualTo(runtime);
    String readme = Files.readString(Path.of("README.md"));
    String embedding = Files.readString(Path.of("docs/embedding.md"));
    for (String feature : runtime) {
      assertThat(readme).as("README.md").contains("`" + feature + "`");
      assertThat(embedding).as("docs/embedding.md").contains("`" + feature + "`");
    }
  }

  private static Set<String> features(Path serverXml) throws IOException {
    Matcher m = FEATURE.matcher(Files.readString(serverXml));
    Set<String> features = new TreeSet<>();
    while (m.find()) {
      features.add(m.group(1).trim());
    }
    return features;
  }
}
