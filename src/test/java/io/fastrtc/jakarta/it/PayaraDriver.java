package io.fastrtc.jakarta.it;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;

/**
 * Payara Micro in a JVM of the test's making: {@code PayaraDriver <payara-micro options>} boots it
 * exactly as {@code java -jar payara-micro.jar <options>} does (Payara's {@code
 * PayaraMicroLauncher}), then takes commands on standard input, each answered with a line {@code OK
 * <command>} or {@code FAILED <command>: <reason>}:
 *
 * <ul>
 *   <li>{@code undeploy <name>}, {@code deploy <name> <context root> <war>}: Payara's own undeploy
 *       and deploy, for the redeploy test;
 *   <li>{@code shutdown}: Payara's own shutdown (what its SIGTERM hook does), then exit. Done here,
 *       in a JVM that keeps running, the application's log lines of the shutdown survive: inside a
 *       shutdown hook the JDK's own hook resets java.util.logging at the same time, and they are
 *       lost.
 * </ul>
 *
 * When standard input ends (the test JVM is gone), it shuts down too. Reflection only:
 * payara-micro.jar is on this process's class path, not on the tests'.
 */
public final class PayaraDriver {
  private PayaraDriver() {}

  /** Boots Payara Micro with {@code args}, then serves commands until {@code shutdown}. */
  public static void main(String[] args) throws Exception {
    Class<?> launcher = Class.forName("fish.payara.micro.boot.PayaraMicroLauncher");
    Object boot = launcher.getMethod("create", String[].class).invoke(null, (Object) args);
    Object runtime = boot.getClass().getMethod("getRuntime").invoke(boot);
    Class<?> api = Class.forName("fish.payara.micro.PayaraMicroRuntime");
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      String[] cmd = line.trim().split(" ");
      try {
        switch (cmd[0]) {
          case "undeploy" -> api.getMethod("undeploy", String.class).invoke(runtime, cmd[1]);
          case "deploy" -> {
            Method deploy = api.getMethod("deploy", String.class, String.class, File.class);
            if (!(Boolean) deploy.invoke(runtime, cmd[1], cmd[2], new File(cmd[3]))) {
              throw new IllegalStateException("deploy returned false");
            }
          }
          case "shutdown" -> {
            api.getMethod("shutdown").invoke(runtime);
            System.out.println("OK shutdown");
            System.out.flush();
            System.exit(0);
          }
          default -> throw new IllegalArgumentException("unknown command");
        }
        System.out.println("OK " + line.trim());
      } catch (ReflectiveOperationException | RuntimeException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        System.out.println("FAILED " + line.trim() + ": " + cause);
      }
      System.out.flush();
    }
    // Standard input ended: the test JVM is gone. Do not outlive it.
    api.getMethod("shutdown").invoke(runtime);
    System.exit(0);
  }
}
