package io.fastrtc.jakarta.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code mvn package} built: {@code fastrtc-classes.jar} carries the bundled frontend as
 * web-fragment static resources ({@code META-INF/resources/fastrtc/}, pages with the app-root meta
 * tag), the WAR does not carry that copy, and the build switch {@code -Dfastrtc.ui.skip} (the
 * packing step with {@code true}) leaves the folder out. No server needed.
 */
class ClassesJarIT {
  private static final Path JAR = Path.of("target", "fastrtc-classes.jar");
  private static final String PAGES = "META-INF/resources/fastrtc/";

  @Test
  void theJarCarriesTheBundledPagesAsWebFragmentResources() throws IOException {
    try (ZipFile jar = new ZipFile(JAR.toFile())) {
      for (String file :
          List.of(
              "index.html",
              "stream.html",
              "css/app.css",
              "js/fastrtc-client.js",
              "js/client/discovery.js",
              "js/index-page.js",
              "js/stream-page.js",
              "js/pcm-capture-worklet.js")) {
        assertThat(jar.getEntry(PAGES + file)).as(PAGES + file).isNotNull();
      }
      for (String page : List.of("index.html", "stream.html")) {
        assertThat(text(jar, jar.getEntry(PAGES + page)))
            .contains("<meta name=\"fastrtc-app-root\" content=\"../\">");
      }
      assertThat(jar.getEntry("META-INF/beans.xml")).isNotNull();
      assertThat(jar.getEntry("io/fastrtc/jakarta/web/ui/BundledPages.class")).isNotNull();
    }
    try (ZipFile war = new ZipFile(Path.of("target", "fastrtc.war").toFile())) {
      assertThat(war.stream().map(ZipEntry::getName))
          .as("the WAR serves src/main/webapp itself")
          .noneMatch(name -> name.startsWith("WEB-INF/classes/META-INF/resources/"))
          .contains("index.html", "js/fastrtc-client.js");
    }
  }

  @Test
  void theBuildSwitchLeavesThePagesOut(@TempDir Path classes) throws Exception {
    pack(classes, false);
    assertThat(classes.resolve(PAGES + "index.html")).isRegularFile();

    pack(classes, true);
    assertThat(classes.resolve(PAGES)).doesNotExist();
  }

  /** Runs the build's packing step, src/build/PackFrontend.java, as the pom does. */
  private static void pack(Path classes, boolean skip) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process =
        new ProcessBuilder(
                java.toString(),
                "src/build/PackFrontend.java",
                "src/main/webapp",
                classes.toString(),
                String.valueOf(skip))
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
  }

  private static String text(ZipFile zip, ZipEntry entry) throws IOException {
    return new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
  }
}
