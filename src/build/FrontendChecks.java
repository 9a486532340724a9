import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The frontend checks {@code mvn verify} runs in the {@code test} phase (a single-file Java program,
 * started by exec-maven-plugin with {@code java FrontendChecks.java <project dir>}): {@code npm ci}
 * when {@code package-lock.json} is newer than {@code node_modules}, ESLint with no warnings allowed
 * over the bundled frontend and its tests, then the JS unit tests under Node's test runner. It uses
 * the {@code node} and {@code npm} on the PATH and never downloads Node. Without them it skips with a
 * warning, or fails when {@code CI=true}. Any failure exits non-zero, which fails the build.
 */
public final class FrontendChecks {

  private static final Pattern TAP_COUNT = Pattern.compile("^# (tests|pass|fail) (\\d+)$");

  private FrontendChecks() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath();
    boolean windows = System.getProperty("os.name").startsWith("Windows");
    Optional<Path> node = onPath(windows ? "node.exe" : "node");
    Optional<Path> npm = onPath(windows ? "npm.cmd" : "npm");
    if (node.isEmpty() || npm.isEmpty()) {
      String message =
          "The frontend checks (ESLint, JS unit tests) need node and npm on the PATH (Node 18.18"
              + " or later; Debian: apt-get install nodejs npm); -Djs.skip skips them";
      if ("true".equals(System.getenv("CI"))) {
        System.err.println("[ERROR] " + message + "; failing because CI=true");
        System.exit(1);
      }
      System.out.println("[WARNING] " + message + ". Skipped.");
      return;
    }
    if (stale(root)) {
      System.out.println("[INFO] npm ci (package-lock.json changed)");
      run(root, npm.get().toString(), "ci", "--no-audit", "--no-fund", "--loglevel=error");
    }
    System.out.println("[INFO] ESLint: src/main/webapp/js and the JS tests");
    run(
        root,
        node.get().toString(),
        "node_modules/eslint/bin/eslint.js",
        "--max-warnings",
        "0",
        ".");
    List<String> command = new ArrayList<>();
    Path tap = root.resolve("target/js-tests.tap");
    Files.createDirectories(tap.getParent());
    command.addAll(
        List.of(
            node.get().toString(),
            "--test",
            "--test-reporter=spec",
            "--test-reporter-destination=stdout",
            "--test-reporter=tap",
            "--test-reporter-destination=" + tap));
    try (Stream<Path> files = Files.list(root.resolve("src/test/js"))) {
      files
          .filter(f -> f.getFileName().toString().endsWith(".test.js"))
          .sorted()
          .forEach(f -> command.add(root.relativize(f).toString()));
    }
    int exit = start(root, command);
    int[] counts = tapCounts(tap);
    String summary =
        String.format(
            "JS unit tests (node --test): %d tests, %d passed, %d failed; ESLint: no warnings",
            counts[0], counts[1], counts[2]);
    if (exit != 0 || counts[2] > 0 || counts[0] == 0) {
      System.err.println("[ERROR] " + summary + " (node exit " + exit + ")");
      System.exit(exit != 0 ? exit : 1);
    }
    System.out.println("[INFO] " + summary);
  }

  /** Whether node_modules is missing or older than package-lock.json. */
  private static boolean stale(Path root) throws IOException {
    Path installed = root.resolve("node_modules/.package-lock.json");
    return !Files.exists(installed)
        || Files.getLastModifiedTime(installed)
                .compareTo(Files.getLastModifiedTime(root.resolve("package-lock.json")))
            < 0;
  }

  /** tests, pass and fail from the TAP summary. */
  private static int[] tapCounts(Path tap) throws IOException {
    int[] counts = new int[3];
    if (!Files.exists(tap)) {
      return counts;
    }
    for (String line : Files.readAllLines(tap)) {
      Matcher m = TAP_COUNT.matcher(line.strip());
      if (m.matches()) {
        int i = m.group(1).equals("tests") ? 0 : m.group(1).equals("pass") ? 1 : 2;
        counts[i] = Integer.parseInt(m.group(2));
      }
    }
    return counts;
  }

  private static Optional<Path> onPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    return Stream.of(path.split(java.io.File.pathSeparator))
        .filter(dir -> !dir.isEmpty())
        .map(dir -> Path.of(dir, name))
        .filter(Files::isExecutable)
        .findFirst();
  }

  /** Runs a command and exits with its status when it fails. */
  private static void run(Path root, String... command) throws IOException, InterruptedException {
    int exit = start(root, List.of(command));
    if (exit != 0) {
      System.err.println("[ERROR] failed (exit " + exit + "): " + String.join(" ", command));
      System.exit(exit);
    }
  }

  private static int start(Path root, List<String> command)
      throws IOException, InterruptedException {
    return new ProcessBuilder(command).directory(root.toFile()).inheritIO().start().waitFor();
  }
}
