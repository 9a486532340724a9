package io.fastrtc.jakarta.it;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's headless Chromium driven by Debian's chromedriver, with fake media devices, and the
 * tests' page probes ({@code page-probes.js} beside this class) in every document it opens.
 *
 * <p>Both binaries are passed explicitly, so Selenium Manager never runs and nothing is downloaded.
 * When either is missing the calling test is skipped, or fails when {@code CI=true}. The paths can
 * be overridden with {@code -Dfastrtc.chromium=...} and {@code -Dfastrtc.chromedriver=...}.
 */
final class HeadlessChromium implements AutoCloseable {

  static final Path CHROMIUM = Path.of(System.getProperty("fastrtc.chromium", "/usr/bin/chromium"));
  static final Path CHROMEDRIVER =
      Path.of(System.getProperty("fastrtc.chromedriver", "/usr/bin/chromedriver"));

  /**
   * Selenium warns at every start that it has no CDP bindings for this Chromium; WebDriver itself
   * works, and the one CDP command these tests send goes through chromedriver, not those bindings.
   * Strong references keep the levels set.
   */
  private static final List<Logger> QUIET_LOGGERS =
      List.of(
          Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder"),
          Logger.getLogger("org.openqa.selenium.chromium.ChromiumDriver"));

  static {
    QUIET_LOGGERS.forEach(logger -> logger.setLevel(Level.SEVERE));
  }

  /**
   * The probes the browser tests assert with, which the bundled pages do not ship: they follow a
   * page through its seam ({@code window.fastrtcDebug}, see {@code js/page/seam.js}) and define
   * {@code window.fastrtcPage} and {@code window.fastrtcIndex}.
   */
  private static final String PAGE_PROBES = readProbes();

  private static final int WIDTH = 1024;
  private static final int HEIGHT = 900;

  private final ChromeDriver driver;
  private final Path profile;
  private final Set<String> probedTabs = new HashSet<>();

  private HeadlessChromium(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  /**
   * Starts a fresh browser with its own temporary profile.
   *
   * @param fakeAudioCapture a WAV file the fake microphone plays in a loop, or {@code null} for
   *     Chromium's built-in fake beep
   */
  static HeadlessChromium start(Path fakeAudioCapture) throws IOException {
    return start(fakeAudioCapture, null);
  }

  /**
   * Starts a fresh browser with its own temporary profile.
   *
   * @param fakeAudioCapture a WAV file the fake microphone plays in a loop, or {@code null} for
   *     Chromium's built-in fake beep
   * @param fakeVideoCapture a Y4M file the fake camera plays in a loop, or {@code null} for
   *     Chromium's built-in moving pattern
   */
  static HeadlessChromium start(Path fakeAudioCapture, Path fakeVideoCapture) throws IOException {
    return start(fakeAudioCapture, fakeVideoCapture, List.of());
  }

  /**
   * Starts a fresh browser with its own temporary profile and extra command-line switches (e.g.
   * {@code --ignore-certificate-errors} for a test identity provider's self-signed HTTPS).
   */
  static HeadlessChromium start(Path fakeAudioCapture, Path fakeVideoCapture, List<String> extra)
      throws IOException {
    requireBinaries();
    Path profile = Files.createTempDirectory("fastrtc-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--use-fake-device-for-media-stream",
        "--use-fake-ui-for-media-stream",
        "--autoplay-policy=no-user-gesture-required",
        // Also gather 127.0.0.1 candidates, so a sandbox with only loopback still connects.
        "--allow-loopback-in-peer-connection",
        "--window-size=" + WIDTH + "," + HEIGHT,
        "--user-data-dir=" + profile.toAbsolutePath());
    if (fakeAudioCapture != null) {
      options.addArguments(
          "--use-file-for-fake-audio-capture=" + fakeAudioCapture.toAbsolutePath());
    }
    if (fakeVideoCapture != null) {
      options.addArguments(
          "--use-file-for-fake-video-capture=" + fakeVideoCapture.toAbsolutePath());
    }
    options.addArguments(extra);
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    try {
      ChromeDriver driver = new ChromeDriver(service, options);
      driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(15));
      HeadlessChromium chromium = new HeadlessChromium(driver, profile);
      chromium.probeCurrentTab();
      return chromium;
    } catch (RuntimeException e) {
      service.stop();
      deleteRecursively(profile);
      throw e;
    }
  }

  /** Skips the calling test when a binary is missing, or fails it on CI. */
  static void requireBinaries() {
    List<String> missing = new ArrayList<>();
    for (Path binary : List.of(CHROMIUM, CHROMEDRIVER)) {
      if (!Files.isExecutable(binary)) {
        missing.add(binary.toString());
      }
    }
    if (missing.isEmpty()) {
      return;
    }
    String message =
        "Browser test needs "
            + String.join(" and ", missing)
            + " (Debian: apt-get install chromium chromium-driver; or set -Dfastrtc.chromium"
            + " and -Dfastrtc.chromedriver)";
    if ("true".equals(System.getenv("CI"))) {
      Assertions.fail(message + "; failing because CI=true");
    }
    Assumptions.abort(message);
  }

  ChromeDriver driver() {
    return driver;
  }

  /** Loads a URL in the current tab, with the page probes (a new tab gets them first). */
  void open(String url) {
    probeCurrentTab();
    driver.get(url);
  }

  /**
   * Brings a browser that earlier checks used back to how {@link #start} leaves it: one blank tab
   * (closing the other tabs and, with their pages, any connection still open) in the start's window
   * size. For a test class that shares one browser between its checks.
   */
  void resetToOneBlankTab() {
    List<String> tabs = new ArrayList<>(driver.getWindowHandles());
    String kept = tabs.get(0);
    for (String tab : tabs.subList(1, tabs.size())) {
      driver.switchTo().window(tab).close();
      probedTabs.remove(tab);
    }
    driver.switchTo().window(kept);
    driver.get("about:blank");
    driver.manage().window().setSize(new Dimension(WIDTH, HEIGHT));
  }

  /** Has the current tab run the page probes in every document it loads from now on. */
  private void probeCurrentTab() {
    if (probedTabs.add(driver.getWindowHandle())) {
      driver.executeCdpCommand(
          "Page.addScriptToEvaluateOnNewDocument", Map.of("source", PAGE_PROBES));
    }
  }

  private static String readProbes() {
    try (InputStream in = HeadlessChromium.class.getResourceAsStream("page-probes.js")) {
      if (in == null) {
        throw new IllegalStateException("page-probes.js is missing beside HeadlessChromium");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Saves a PNG of the current viewport, creating parent folders. */
  Path screenshot(Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
    return file;
  }

  /** The browser console so far (each entry once), for failure messages. */
  String consoleLog() {
    try {
      return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
          .map(entry -> entry.getLevel() + " " + entry.getMessage())
          .collect(Collectors.joining("\n"));
    } catch (RuntimeException e) {
      return "(console log unavailable: " + e.getMessage() + ")";
    }
  }

  /** Runs a script that returns a value. */
  Object script(String script, Object... args) {
    return driver.executeScript(script, args);
  }

  /**
   * Awaits a promise-returning expression. An object comes back as a map, {@code null} as null,
   * anything else as {@code {value: ...}}, and a rejection as {@code {error: "..."}}.
   */
  @SuppressWarnings("unchecked")
  Map<String, Object> awaitScript(String promiseExpression) {
    Object result =
        driver.executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + "Promise.resolve().then(() => "
                + promiseExpression
                + ").then(v => done(v), e => done({error: String(e && e.message || e)}));");
    if (result == null || result instanceof Map) {
      return (Map<String, Object>) result;
    }
    return Map.of("value", result);
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      deleteRecursively(profile);
    }
  }

  /** Best effort: a profile left behind in the temp folder does no harm. */
  private static void deleteRecursively(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    } catch (IOException | UncheckedIOException e) {
      System.err.println("Could not delete the browser profile " + root + ": " + e);
    }
  }
}
