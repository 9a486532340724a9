package io.fastrtc.jakarta.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How much of a process's resident memory lies in an address range ({@code /proc/<pid>/smaps}): the
 * soak uses it to split RSS into the Java heap's pages and everything else, since the heap's
 * committed pages only become resident once the collector first touches them.
 */
final class ResidentMemory {
  /** A mapping's first line: "7f1c2a000000-7f1c2a021000 rw-p 00000000 00:00 0 ...". */
  private static final Pattern MAPPING = Pattern.compile("^([0-9a-f]+)-([0-9a-f]+) ");

  /** G1's range in {@code jcmd GC.heap_info}: "... used 96839K [0x0000000687400000, 0x00...)". */
  private static final Pattern HEAP_RANGE = Pattern.compile("\\[0x([0-9a-f]+), 0x([0-9a-f]+)\\)");

  private ResidentMemory() {}

  /** The Java heap's reserved range from {@code GC.heap_info}'s output, or null. */
  static long[] heapRange(String heapInfo) {
    Matcher m = HEAP_RANGE.matcher(heapInfo);
    return m.find()
        ? new long[] {
          Long.parseUnsignedLong(m.group(1), 16), Long.parseUnsignedLong(m.group(2), 16)
        }
        : null;
  }

  /** Resident kB of the mappings that lie inside [start, end); -1 when smaps cannot be read. */
  static long residentKbWithin(long pid, long start, long end) {
    try {
      long kb = 0;
      boolean inside = false;
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "smaps"))) {
        Matcher m = MAPPING.matcher(line);
        if (m.find()) {
          long from = Long.parseUnsignedLong(m.group(1), 16);
          inside = Long.compareUnsigned(from, start) >= 0 && Long.compareUnsigned(from, end) < 0;
        } else if (inside && line.startsWith("Rss:")) {
          kb += Long.parseLong(line.substring(4).trim().split("\\s+")[0]);
        }
      }
      return kb;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }
}
