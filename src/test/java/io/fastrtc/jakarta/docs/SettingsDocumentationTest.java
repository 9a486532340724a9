package io.fastrtc.jakarta.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.fastrtc.jakarta.runtime.config.ConfigKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The documentation of the settings is true to {@link ConfigKey}: the table in {@code
 * liberty/README.md} is exactly the one {@link #table()} renders from the declared keys, and every
 * setting the docs or {@code server.env.example} name is a declared key.
 */
class SettingsDocumentationTest {
  private static final String MARKER = "<!-- settings table: rendered from ConfigKey.all(),";
  private static final Pattern MENTION = Pattern.compile("(?<![\\w.])fastrtc\\.[A-Za-z0-9.<>*_-]+");
  private static final Pattern ENV = Pattern.compile("(?m)^#?(FASTRTC_[A-Z0-9_]+)=");

  /** The settings table as Markdown, one row per declared key. */
  static String table() {
    StringBuilder md = new StringBuilder();
    md.append("| property | type | default | meaning |\n");
    md.append("|---|---|---|---|\n");
    for (ConfigKey key : ConfigKey.all()) {
      md.append("| `")
          .append(key.name())
          .append("` | ")
          .append(key.type())
          .append(" | ")
          .append(key.defaultValue())
          .append(" | ")
          .append(key.description())
          .append(" |\n");
    }
    return md.toString();
  }

  @Test
  void theLibertyReadmeTableListsExactlyTheDeclaredKeysWithTheirDefaults() throws IOException {
    String readme = Files.readString(Path.of("liberty", "README.md"));
    int marker = readme.indexOf(MARKER);
    assertThat(marker).as("liberty/README.md has the marker " + MARKER).isNotNegative();
    int start = readme.indexOf('\n', marker) + 1;
    int end = readme.indexOf("\n\n", start);
    String documented = readme.substring(start, end < 0 ? readme.length() : end + 1);

    assertThat(documented)
        .as("liberty/README.md's settings table; replace it with:\n" + table())
        .isEqualTo(table());
  }

  @Test
  void everySettingTheDocsNameIsDeclared() throws IOException {
    List<Path> docs = new ArrayList<>(List.of(Path.of("README.md"), Path.of("liberty/README.md")));
    try (Stream<Path> files = Files.list(Path.of("docs"))) {
      files.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
    }
    for (Path doc : docs) {
      Matcher m = MENTION.matcher(Files.readString(doc));
      while (m.find()) {
        String mention = m.group().replaceAll("\\.+$", "");
        if (mention.matches(".*\\.(md|war|jar)$")) {
          continue; // a file name
        }
        assertThat(isDeclared(mention)).as(doc + " names " + mention).isTrue();
      }
    }
  }

  @Test
  void everyVariableOfTheServerEnvExampleIsADeclaredKey() throws IOException {
    Matcher m = ENV.matcher(Files.readString(Path.of("liberty", "server.env.example")));
    int found = 0;
    while (m.find()) {
      String variable = m.group(1);
      assertThat(
              ConfigKey.all().stream()
                  .anyMatch(k -> Pattern.matches(environmentPattern(k), variable)))
          .as("server.env.example sets " + variable)
          .isTrue();
      found++;
    }
    assertThat(found).isPositive();
  }

  /** A key, a stream's instance of a pattern, or a family like {@code fastrtc.ice.*}. */
  private static boolean isDeclared(String mention) {
    return ConfigKey.all().stream()
        .anyMatch(
            k ->
                k.name().equals(mention)
                    || (k.isPattern()
                        && mention.matches(
                            Pattern.quote(k.name()).replace("<name>", "\\E[a-z0-9-]+\\Q")))
                    || (mention.endsWith(".*")
                        && k.name().startsWith(mention.substring(0, mention.length() - 1))));
  }

  /** MicroProfile Config's environment name of a key: upper case, other characters as {@code _}. */
  private static String environmentPattern(ConfigKey key) {
    String[] parts = key.name().split(Pattern.quote(ConfigKey.STREAM), -1);
    List<String> quoted = new ArrayList<>();
    for (String part : parts) {
      quoted.add(Pattern.quote(part.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_")));
    }
    return String.join("[A-Z0-9_]+", quoted);
  }
}
