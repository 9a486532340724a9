package io.fastrtc.jakarta.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** {@link LibertyOnlyScan} on small archives built here: what it finds and what it lets pass. */
class LibertyOnlyScanTest {

  @Test
  void theScanFindsLibertyApisAndDescriptorsAnywhereInTheWar() throws Exception {
    byte[] lib =
        zip(
            "com/example/Uses.class", "\u0001\u0000\u001acom/ibm/websphere/Thing",
            "META-INF/services/x.Y", "io.openliberty.Foo");
    byte[] war =
        zip(
            "WEB-INF/classes/a/B.class", "Lio/openliberty/security/Bar;",
            "WEB-INF/ibm-web-bnd.xml", "<web-bnd/>",
            "WEB-INF/ibm-web-ext.xml", "<web-ext/>",
            "WEB-INF/classes/c/Clean.class", "Ljakarta/ws/rs/GET;");
    war = appendJar(war, "WEB-INF/lib/lib.jar", lib);

    List<String> findings = LibertyOnlyScan.findings(new ByteArrayInputStream(war));

    assertThat(findings)
        .containsExactlyInAnyOrder(
            "WEB-INF/classes/a/B.class: io/openliberty/security/Bar",
            "WEB-INF/ibm-web-bnd.xml: Liberty-only descriptor",
            "WEB-INF/lib/lib.jar!com/example/Uses.class: com/ibm/websphere/Thing",
            "WEB-INF/lib/lib.jar!META-INF/services/x.Y: io.openliberty.Foo");
  }

  private static byte[] zip(String... namesAndContents) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (int i = 0; i < namesAndContents.length; i += 2) {
        zip.putNextEntry(new ZipEntry(namesAndContents[i]));
        zip.write(namesAndContents[i + 1].getBytes(StandardCharsets.ISO_8859_1));
        zip.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  /** A copy of {@code war} with one more entry. */
  private static byte[] appendJar(byte[] war, String name, byte[] jar) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(bytes);
        ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(war))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        out.putNextEntry(new ZipEntry(e.getName()));
        out.write(in.readAllBytes());
        out.closeEntry();
      }
      out.putNextEntry(new ZipEntry(name));
      out.write(jar);
      out.closeEntry();
    }
    return bytes.toByteArray();
  }
}
