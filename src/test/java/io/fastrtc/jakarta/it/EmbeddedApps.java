package io.fastrtc.jakarta.it;

import io.fastrtc.jakarta.it.embedded.VolumeEcho;
import io.fastrtc.jakarta.testing.Deployments;
import java.io.File;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.api.Filters;
import org.jboss.shrinkwrap.api.Node;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Another application that embeds FastRTC: {@code fastrtc-classes.jar} (runtime, routes and the
 * bundled pages), webrtc-java, the user's handler and route ({@code it.embedded}) and the user's
 * own {@code index.html} at its root, which the bundled pages (at {@code /fastrtc/}) leave alone.
 */
final class EmbeddedApps {
  /** What the application's own index page says. */
  static final String OWN_INDEX = "The embedding application's own page";

  private EmbeddedApps() {}

  /**
   * @param name the WAR's name, also its context root
   * @param config MicroProfile Config entries of the application, e.g. {@code fastrtc.ui.path}
   */
  static WebArchive war(String name, Map<String, String> config) {
    File classesJar = Path.of("target", "fastrtc-classes.jar").toFile();
    if (!classesJar.isFile()) {
      throw new IllegalStateException(
          classesJar.getAbsolutePath() + " is missing: run `mvn verify` (package builds it)");
    }
    WebArchive war =
        ShrinkWrap.create(WebArchive.class, name + ".war")
            .addAsLibrary(classesJar)
            .addPackage(VolumeEcho.class.getPackage())
            .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml")
            .addAsWebResource(
                new StringAsset("<!doctype html><title>Mine</title><h1>" + OWN_INDEX + "</h1>"),
                "index.html");
    if (!config.isEmpty()) {
      String properties =
          config.entrySet().stream()
              .map(e -> e.getKey() + "=" + e.getValue())
              .collect(Collectors.joining("\n", "", "\n"));
      war.addAsResource(new StringAsset(properties), "META-INF/microprofile-config.properties");
    }
    // webrtc-java and its native jar, exactly as the real WAR packs them.
    Map<ArchivePath, Node> libs =
        Deployments.war().getContent(Filters.include("/WEB-INF/lib/.*\\.jar"));
    libs.forEach((path, node) -> war.add(node.getAsset(), path));
    return war;
  }
}
