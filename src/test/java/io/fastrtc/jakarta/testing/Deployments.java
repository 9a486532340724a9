package io.fastrtc.jakarta.testing;

import java.io.File;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.Objects;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Arquillian deployments for integration tests: the real WAR that {@code mvn package} built, not a
 * hand-picked list of classes.
 *
 * <p>Use it from a {@code @Deployment(testable = false)} method and run the test
 * {@code @RunAsClient}. The archive is deployed as {@code fastrtc.war} at context root {@code /},
 * so the injected {@code @ArquillianResource URL} is the server root (for example {@code
 * http://localhost:9181/}); build request URLs with {@link #url(URL, String)}.
 */
public final class Deployments {

  /** System property with the WAR's path; the failsafe configuration in pom.xml sets it. */
  public static final String WAR_PROPERTY = "fastrtc.war";

  private static final String DEFAULT_WAR = "target/fastrtc.war";

  private Deployments() {}

  /**
   * The built WAR exactly as packaged, including webrtc-java and its native library jar in {@code
   * WEB-INF/lib}.
   *
   * @throws IllegalStateException if the WAR has not been built yet
   */
  public static WebArchive war() {
    File war = new File(System.getProperty(WAR_PROPERTY, DEFAULT_WAR));
    if (!war.isFile()) {
      throw new IllegalStateException(
          war.getAbsolutePath()
              + " does not exist: integration tests deploy the packaged WAR, so run them with"
              + " `mvn verify` (the package phase builds it)");
    }
    return ShrinkWrap.createFromZipFile(WebArchive.class, war);
  }

  /**
   * Resolves {@code path} against the deployment's base URL.
   *
   * @param base the {@code @ArquillianResource URL} of the deployment
   * @param path a path relative to the context root, for example {@code "webrtc/offer"}; a leading
   *     slash is ignored
   */
  public static URI url(URL base, String path) {
    Objects.requireNonNull(base, "base == null");
    Objects.requireNonNull(path, "path == null");
    String relative = path.startsWith("/") ? path.substring(1) : path;
    try {
      URI root = base.toURI();
      if (!root.getPath().endsWith("/")) {
        root = new URI(root.getScheme(), root.getAuthority(), root.getPath() + "/", null, null);
      }
      return root.resolve(relative);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a valid URL: " + base, e);
    }
  }
}
