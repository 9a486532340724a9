package io.fastrtc.jakarta.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.exporter.FileExistsException;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.exporter.ZipStoredExporter;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UncompressedZipExporterTest {
  @TempDir Path dir;

  private final WebArchive war =
      ShrinkWrap.create(WebArchive.class, "app.war")
          .addClass(UncompressedZipExporterTest.class)
          .addAsWebInfResource(new StringAsset("<beans/>"), "beans.xml")
          .addAsLibrary(
              ShrinkWrap.create(JavaArchive.class, "lib.jar")
                  .addAsResource(new StringAsset("inside a jar"), "nested.txt"))
          .add(new StringAsset("<html></html>"), "pages/index.html");

  @Test
  void isTheZipExporterOfEveryArchiveInTheTests() {
    assertThat(war.as(ZipExporter.class)).isInstanceOf(UncompressedZipExporter.class);
  }

  @Test
  void writesTheSameEntriesAndBytesAsShrinkWrapsOwnExporter() throws IOException {
    File ours = dir.resolve("ours.war").toFile();
    File theirs = dir.resolve("theirs.war").toFile();

    war.as(ZipExporter.class).exportTo(ours);
    war.as(ZipStoredExporter.class).exportTo(theirs);

    Map<String, byte[]> exported = read(ours);
    Map<String, byte[]> reference = read(theirs);
    assertThat(exported.keySet()).isEqualTo(reference.keySet());
    exported.forEach((name, bytes) -> assertThat(bytes).as(name).isEqualTo(reference.get(name)));
    assertThat(exported.get("WEB-INF/beans.xml"))
        .isEqualTo("<beans/>".getBytes(StandardCharsets.UTF_8));
    assertThat(exported).containsKeys("WEB-INF/lib/", "WEB-INF/lib/lib.jar", "pages/index.html");
  }

  @Test
  void theStreamHoldsTheSameZip() throws IOException {
    File file = dir.resolve("file.war").toFile();
    Path streamed = dir.resolve("streamed.war");
    war.as(ZipExporter.class).exportTo(file);

    try (InputStream in = war.as(ZipExporter.class).exportAsInputStream()) {
      Files.copy(in, streamed);
    }

    assertThat(read(streamed.toFile()).keySet()).isEqualTo(read(file).keySet());
  }

  @Test
  void overwritesOnlyWhenAsked() throws IOException {
    File target = dir.resolve("app.war").toFile();
    Files.writeString(target.toPath(), "old");

    assertThrows(FileExistsException.class, () -> war.as(ZipExporter.class).exportTo(target));
    war.as(ZipExporter.class).exportTo(target, true);

    assertThat(read(target)).containsKey("WEB-INF/beans.xml");
  }

  private static Map<String, byte[]> read(File zip) throws IOException {
    Map<String, byte[]> entries = new HashMap<>();
    try (ZipFile file = new ZipFile(zip)) {
      List<? extends ZipEntry> list = Collections.list(file.entries());
      for (ZipEntry entry : list) {
        try (InputStream in = file.getInputStream(entry)) {
          entries.put(entry.getName(), in.readAllBytes());
        }
      }
    }
    return entries;
  }
}
