import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Copies the bundled frontend into the classes jar as web-fragment static resources (a single-file
 * Java program, run by exec-maven-plugin in {@code prepare-package}): {@code index.html}, {@code
 * stream.html}, {@code css/} and {@code js/} of {@code src/main/webapp} go to {@code
 * META-INF/resources/fastrtc/} under the output folder, so any WAR with {@code fastrtc-classes.jar}
 * in {@code WEB-INF/lib} serves them at {@code /fastrtc/}. Each page gets {@code <meta
 * name="fastrtc-app-root" content="../">}: the pages then find the routes ({@code api/streams},
 * {@code streams/<name>/}) at the application root, one folder up. {@code src/main/webapp} itself is
 * never changed.
 *
 * <p>Usage: {@code java PackFrontend.java <webapp folder> <output folder> <skip: true|false>}. With
 * {@code true} the folder is removed instead, so the jar carries no frontend.
 */
public final class PackFrontend {

  /** The folder under META-INF/resources, i.e. the default location at the context root. */
  static final String FOLDER = "fastrtc";

  static final List<String> PARTS = List.of("index.html", "stream.html", "css", "js");

  static final String APP_ROOT_META = "<meta name=\"fastrtc-app-root\" content=\"../\">";

  private PackFrontend() {}

  public static void main(String[] args) throws IOException {
    Path webapp = Path.of(args[0]).toAbsolutePath();
    Path target = Path.of(args[1]).toAbsolutePath().resolve("META-INF/resources").resolve(FOLDER);
    boolean skip = args.length > 2 && Boolean.parseBoolean(args[2]);
    deleteRecursively(target);
    if (skip) {
      System.out.println("[INFO] Bundled frontend left out of the classes jar (fastrtc.ui.skip)");
      return;
    }
    int files = 0;
    for (String part : PARTS) {
      Path source = webapp.resolve(part);
      if (!Files.exists(source)) {
        throw new IllegalStateException(source + " is missing");
      }
      try (Stream<Path> paths = Files.walk(source)) {
        for (Path file : paths.filter(Files::isRegularFile).toList()) {
          Path copy = target.resolve(webapp.relativize(file).toString());
          Files.createDirectories(copy.getParent());
          if (file.toString().endsWith(".html")) {
            Files.writeString(copy, withAppRoot(Files.readString(file, StandardCharsets.UTF_8)));
          } else {
            Files.copy(file, copy);
          }
          files++;
        }
      }
    }
    System.out.println("[INFO] Bundled frontend: " + files + " files to " + target);
  }

  /** Inserts the app-root meta tag right after {@code <head>}. */
  static String withAppRoot(String html) {
    int head = html.indexOf("<head>");
    if (head < 0) {
      throw new IllegalStateException("no <head> in a bundled page");
    }
    int at = head + "<head>".length();
    return html.substring(0, at) + "\n  " + APP_ROOT_META + html.substring(at);
  }

  private static void deleteRecursively(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted((a, b) -> b.compareTo(a)).toList()) {
        Files.delete(path);
      }
    }
  }
}
