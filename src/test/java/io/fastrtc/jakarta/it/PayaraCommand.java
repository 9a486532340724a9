package io.fastrtc.jakarta.it;

import io.fastrtc.jakarta.testing.Deployments;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.jar.Attributes;
import java.util.jar.JarFile;

/**
 * The command line of a Payara Micro test server: {@link PayaraDriver} with payara-micro.jar on the
 * class path and the options an operator gives {@code java -jar payara-micro.jar}, its settings
 * written to a system properties file and its logging to a logging.properties file.
 */
final class PayaraCommand {
  /**
   * Payara Micro's own console logging (its MICRO-INF/domain/logging.properties, shortened),
   * without ANSI colours.
   */
  private static final String LOGGING =
      String.join(
          "\n",
          "handlers=java.util.logging.ConsoleHandler",
          "java.util.logging.ConsoleHandler.formatter="
              + "com.sun.enterprise.server.logging.ODLLogFormatter",
          "com.sun.enterprise.server.logging.ODLLogFormatter.ansiColor=false",
          "java.util.logging.ConsoleHandler.level=FINE",
          ".level=INFO",
          "org.hibernate.validator.internal.util.Version.level=WARNING",
          "com.hazelcast.level=WARNING",
          "");

  private PayaraCommand() {}

  /**
   * The command, with its files written to {@code dir}.
   *
   * @param contextRoot the WAR's context root, or null for Payara's default (the file name)
   * @param settings MicroProfile Config settings, passed as system properties
   */
  static List<String> of(
      Path dir, int port, int sslPort, String contextRoot, Map<String, String> settings)
      throws IOException {
    Path jar =
        Path.of(System.getProperty(PayaraServer.JAR_PROPERTY, "target/payara/payara-micro.jar"));
    Path war = Path.of(System.getProperty(Deployments.WAR_PROPERTY, "target/fastrtc.war"));
    if (!Files.isRegularFile(jar) || !Files.isRegularFile(war)) {
      throw new IllegalStateException(
          jar.toAbsolutePath()
              + " or "
              + war.toAbsolutePath()
              + " is missing: run the Payara suite through `mvn verify` (the build copies Payara"
              + " Micro from Maven Central and packages the WAR)");
    }
    Path props = dir.resolve("system.properties");
    Properties p = new Properties();
    p.putAll(settings);
    // The WAR's assistant stream uses speech-to-text: without the model it would not deploy.
    String model = System.getProperty("fastrtc.speech.vosk.model");
    if (model != null) {
      p.putIfAbsent("fastrtc.speech.vosk.model", model);
    }
    try (var out = Files.newBufferedWriter(props)) {
      p.store(out, "MicroProfile Config settings of a Payara test server");
    }
    Path logging = dir.resolve("logging.properties");
    Files.writeString(logging, LOGGING);

    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx768m");
    command.addAll(moduleOptions(jar));
    command.addAll(List.of("-cp", jar + File.pathSeparator + testClasses()));
    command.add(PayaraDriver.class.getName());
    command.addAll(List.of("--deploy", war.toAbsolutePath().toString()));
    if (contextRoot != null) {
      command.addAll(List.of("--contextroot", contextRoot));
    }
    command.addAll(List.of("--port", Integer.toString(port)));
    command.addAll(List.of("--sslport", Integer.toString(sslPort)));
    command.addAll(List.of("--nocluster", "--disablephonehome"));
    command.addAll(List.of("--rootdir", dir.resolve("root").toString()));
    command.addAll(List.of("--systemproperties", props.toString()));
    command.addAll(List.of("--logproperties", logging.toString()));
    return command;
  }

  private static String testClasses() {
    try {
      return Path.of(PayaraDriver.class.getProtectionDomain().getCodeSource().getLocation().toURI())
          .toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The {@code --add-opens} and {@code --add-exports} options that payara-micro.jar's manifest asks
   * for; the JVM applies a manifest's only for {@code java -jar}.
   */
  private static List<String> moduleOptions(Path jar) throws IOException {
    List<String> out = new ArrayList<>();
    try (JarFile file = new JarFile(jar.toFile())) {
      Attributes main = file.getManifest().getMainAttributes();
      for (String kind : List.of("Add-Opens", "Add-Exports")) {
        String value = main.getValue(kind);
        if (value != null) {
          for (String target : value.trim().split("\\s+")) {
            out.add("--" + kind.toLowerCase(Locale.ROOT) + "=" + target + "=ALL-UNNAMED");
          }
        }
      }
    }
    return out;
  }
}
