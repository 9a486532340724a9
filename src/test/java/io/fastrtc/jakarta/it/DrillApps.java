package io.fastrtc.jakarta.it;

import io.fastrtc.jakarta.it.drills.HangingStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.api.Filters;
import org.jboss.shrinkwrap.api.Node;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The applications of the fault drills: the real WAR plus the drill streams ({@code it.drills}),
 * with settings of their own appended to the WAR's {@code microprofile-config.properties}.
 */
final class DrillApps {
  static final String CONFIG = "WEB-INF/classes/META-INF/microprofile-config.properties";

  private DrillApps() {}

  /**
   * @param name the archive's name; with {@code rootContext} false also its context root
   * @param rootContext whether it keeps the WAR's context root "/" (only one such app at a time)
   * @param settings appended to the WAR's own settings
   */
  static WebArchive war(String name, boolean rootContext, Map<String, String> settings) {
    WebArchive real = ItSupport.warWithTestStreams();
    WebArchive war = ShrinkWrap.create(WebArchive.class, name + ".war");
    war.merge(real);
    war.addPackage(HangingStream.class.getPackage());
    if (!rootContext) {
      war.delete("WEB-INF/ibm-web-ext.xml");
    }
    String own = read(war.get(CONFIG));
    String extra =
        settings.entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining("\n", "\n", "\n"));
    war.delete(CONFIG);
    war.add(new StringAsset(own + extra), CONFIG);
    return war;
  }

  /** {@code war} without webrtc-java's native jar: libwebrtc cannot load, as on a bad install. */
  static WebArchive withoutNativeLibrary(WebArchive war) {
    Map<ArchivePath, Node> natives =
        war.getContent(Filters.include("/WEB-INF/lib/webrtc-java-.*-linux-x86_64\\.jar"));
    if (natives.isEmpty()) {
      throw new IllegalStateException("no native webrtc-java jar in " + war.getName());
    }
    natives.keySet().forEach(war::delete);
    return war;
  }

  private static String read(Node node) {
    if (node == null) {
      return "";
    }
    try (InputStream in = node.getAsset().openStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
