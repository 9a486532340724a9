package io.fastrtc.jakarta.it;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Finds what ties a WAR to Open Liberty: references to Liberty-only APIs ({@code com.ibm.*}, {@code
 * io.openliberty.*}) in any class or descriptor, in {@code WEB-INF/classes} and in every jar of
 * {@code WEB-INF/lib}, and Liberty-only descriptors ({@code ibm-*.xml}, {@code ibm-*.xmi}, a {@code
 * server.xml}). Class files are read as bytes: a class's constant pool holds the internal names
 * ({@code com/ibm/...}) of every type it uses and every string it loads by name.
 */
final class LibertyOnlyScan {
  /**
   * Liberty files the WAR may carry because no other server reads them and nothing depends on them,
   * with the reason.
   */
  static final Map<String, String> ALLOWED =
      Map.of(
          "WEB-INF/ibm-web-ext.xml",
          "Liberty's binding of the context root \"/\"; other servers ignore it (Payara takes"
              + " --contextroot), and the WAR works at any context root (PayaraLifecycleIT runs it"
              + " at /fastrtc/)",
          "WEB-INF/classes/io/fastrtc/jakarta/web/security/LibertyGroups.class",
          "names Liberty's WSSubject only as a string for reflection, to read a browser session's"
              + " groups under single sign-on; where the class is absent (Payara) it finds no"
              + " groups and nothing else changes (docs/payara.md)",
          "WEB-INF/lib/jna-5.7.0.jar!com/sun/jna/Platform.class",
          "JNA (how Vosk calls libvosk) reads the system property com.ibm.vm.bitmode, a string that"
              + " IBM's J9 JVMs set, to tell a 64-bit JVM; no IBM or Liberty API is used",
          "WEB-INF/lib/netty-common-4.2.13.Final.jar!io/netty/util/internal/PlatformDependent.class",
          "Netty (under Lettuce, the cluster's Redis client) reads the same com.ibm.vm.bitmode"
              + " system property to tell a 64-bit JVM; no IBM or Liberty API is used");

  private static final List<String> API_PREFIXES =
      List.of("com/ibm/", "io/openliberty/", "com.ibm.", "io.openliberty.");
  private static final Pattern LIBERTY_DESCRIPTOR =
      Pattern.compile("(^|/)(ibm-[^/]*\\.(xml|xmi)|server\\.xml)$");
  private static final Pattern TEXT =
      Pattern.compile(
          "(\\.(xml|xmi|properties|json|mf|MF)$)|(^|/)META-INF/services/[^/]+$"
              + "|(^|/)META-INF/MANIFEST\\.MF$");

  private LibertyOnlyScan() {}

  /** Every finding in the archive, e.g. {@code WEB-INF/lib/x.jar!a/B.class: com/ibm/...}. */
  static List<String> findings(InputStream archive) throws IOException {
    List<String> out = new ArrayList<>();
    scan(archive, "", out);
    return out;
  }

  private static void scan(InputStream archive, String prefix, List<String> out)
      throws IOException {
    ZipInputStream zip = new ZipInputStream(archive);
    for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
      String name = e.getName();
      if (e.isDirectory() || name.startsWith("META-INF/maven/")) {
        continue; // Maven's copy of the build's pom: build metadata no server reads
      }
      String where = prefix + name;
      if (LIBERTY_DESCRIPTOR.matcher(name).find() && !ALLOWED.containsKey(where)) {
        out.add(where + ": Liberty-only descriptor");
      }
      if (name.endsWith(".jar")) {
        scan(new ByteArrayInputStream(zip.readAllBytes()), where + "!", out);
      } else if ((name.endsWith(".class") || TEXT.matcher(name).find())
          && !ALLOWED.containsKey(where)) {
        String text = new String(zip.readAllBytes(), StandardCharsets.ISO_8859_1);
        for (String api : API_PREFIXES) {
          int at = text.indexOf(api);
          if (at >= 0) {
            out.add(where + ": " + around(text, at));
          }
        }
      }
    }
  }

  /** The referenced name at {@code at}: printable characters up to the next non-name one. */
  private static String around(String text, int at) {
    int end = at;
    while (end < text.length() && end - at < 120) {
      char c = text.charAt(end);
      if (!(Character.isLetterOrDigit(c) || c == '/' || c == '.' || c == '$' || c == '_')) {
        break;
      }
      end++;
    }
    return text.substring(at, end);
  }
}
