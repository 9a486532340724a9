package io.fastrtc.jakarta.bench;

import java.util.regex.Pattern;

/**
 * The JVM's Native Memory Tracking over the soak (only when the server runs with {@code
 * -XX:NativeMemoryTracking=summary}): a baseline at the end of the warm-up and, at the end, the
 * categories whose committed memory changed since. It names what the JVM itself allocated (heap,
 * metaspace, code cache, thread stacks, GC, JNI handles...); memory that libwebrtc or another
 * native library allocates with malloc is not in it.
 */
final class SoakNativeMemory {
  /** A summary line whose committed size changed: "... committed=123KB +45KB" or "-45KB". */
  private static final Pattern CHANGED = Pattern.compile("committed=\\d+KB [+-]\\d+KB");

  private SoakNativeMemory() {}

  /** Takes the baseline; false when Native Memory Tracking is off. */
  static boolean baseline(long pid) {
    return Jcmd.run(pid, "VM.native_memory", "baseline").contains("Baseline taken");
  }

  /** Prints the total and each category whose committed memory changed since the baseline. */
  static void printChangeSinceBaseline(long pid) {
    System.out.printf(
        "%nthe JVM's own native memory from the warm-up to the end (jcmd VM.native_memory"
            + " summary.diff; committed, change):%n");
    String diff = Jcmd.run(pid, "VM.native_memory", "summary.diff");
    for (String line : diff.split("\n")) {
      String t = line.trim();
      if ((t.startsWith("Total:") || t.startsWith("-")) && CHANGED.matcher(t).find()) {
        System.out.println("  " + t.replaceAll("\\s+", " "));
      }
    }
  }
}
