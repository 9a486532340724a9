package io.fastrtc.jakarta.testing;

import java.io.BufferedOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.Assignable;
import org.jboss.shrinkwrap.api.Node;
import org.jboss.shrinkwrap.api.asset.Asset;
import org.jboss.shrinkwrap.api.exporter.ArchiveExportException;
import org.jboss.shrinkwrap.api.exporter.FileExistsException;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;

/**
 * ShrinkWrap's {@link ZipExporter} for the tests, writing every entry without compression.
 *
 * <p>Every Arquillian deployment and every server the tests start gets the packaged WAR (130 MB,
 * most of it native libraries in already-compressed jars) written out again as a ZIP. ShrinkWrap's
 * own exporter deflates each entry at the default level through a piped stream: about 5 to 10 s per
 * WAR on the build machines, paid some 40 times in {@code mvn verify}. This one writes the same
 * entries (same paths, same bytes) straight to the file with {@link Deflater#NO_COMPRESSION}, which
 * takes well under a second; the deployed application is the same.
 *
 * <p>It replaces ShrinkWrap's exporter through {@code
 * META-INF/services/org.jboss.shrinkwrap.api.exporter.ZipExporter} in the test resources, which
 * comes before ShrinkWrap's own on the test class path, so every {@code
 * archive.as(ZipExporter.class)} (the Arquillian Liberty container's included) uses it.
 */
public final class UncompressedZipExporter implements ZipExporter {
  private static final int BUFFER = 1 << 16;

  private final Archive<?> archive;

  /**
   * Called by ShrinkWrap's extension loader for {@code archive.as(ZipExporter.class)}.
   *
   * @param archive the archive to export
   */
  public UncompressedZipExporter(Archive<?> archive) {
    this.archive = Objects.requireNonNull(archive, "archive == null");
  }

  @Override
  public <T extends Assignable> T as(Class<T> type) {
    return archive.as(type);
  }

  @Override
  public InputStream exportAsInputStream() {
    try {
      Path file = Files.createTempFile("shrinkwrap-", ".zip");
      try (OutputStream out = Files.newOutputStream(file)) {
        exportTo(out);
      }
      return Files.newInputStream(file, StandardOpenOption.DELETE_ON_CLOSE);
    } catch (IOException e) {
      throw new ArchiveExportException("could not export " + archive.getName(), e);
    }
  }

  @Override
  public void exportTo(OutputStream target) {
    Objects.requireNonNull(target, "target == null");
    // Parents before children, in a stable order.
    Map<String, Node> entries = new TreeMap<>();
    archive.getContent().forEach((path, node) -> entries.put(path.get(), node));
    try {
      ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(target, BUFFER));
      zip.setLevel(Deflater.NO_COMPRESSION);
      for (Map.Entry<String, Node> entry : entries.entrySet()) {
        String name = entry.getKey().substring(1);
        Asset asset = entry.getValue().getAsset();
        zip.putNextEntry(new ZipEntry(asset == null ? name + "/" : name));
        if (asset != null) {
          try (InputStream in = asset.openStream()) {
            in.transferTo(zip);
          }
        }
        zip.closeEntry();
      }
      // Completes the ZIP without closing the caller's stream.
      zip.finish();
      zip.flush();
    } catch (IOException | UncheckedIOException e) {
      throw new ArchiveExportException("could not export " + archive.getName(), e);
    }
  }

  @Override
  public void exportTo(File target) {
    exportTo(target, false);
  }

  @Override
  public void exportTo(File target, boolean overwrite) {
    Objects.requireNonNull(target, "target == null");
    if (target.exists() && !overwrite) {
      throw new FileExistsException(target.getAbsolutePath() + " exists and overwrite is false");
    }
    try (OutputStream out = Files.newOutputStream(target.toPath())) {
      exportTo(out);
    } catch (IOException e) {
      throw new ArchiveExportException("could not write " + target, e);
    }
  }
}
