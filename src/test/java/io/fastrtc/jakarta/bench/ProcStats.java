package io.fastrtc.jakarta.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/** Linux {@code /proc} readings: process CPU time, resident memory, threads, machine facts. */
final class ProcStats {
  private ProcStats() {}

  /** Clock ticks per second ({@code getconf CLK_TCK}), 100 if it cannot be asked. */
  static long clockTicksPerSecond() {
    try {
      Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes()).trim();
      p.waitFor(5, TimeUnit.SECONDS);
      return Long.parseLong(out);
    } catch (IOException | NumberFormatException e) {
      return 100;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 100;
    }
  }

  /** utime+stime of a process (or thread, given its task path), in clock ticks; -1 if gone. */
  static long cpuTicks(Path statFile) {
    try {
      String s = Files.readString(statFile);
      String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
      // after "pid (comm) ": f[0] = state (field 3), utime = field 14, stime = field 15
      return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  static long cpuTicks(long pid) {
    return cpuTicks(Path.of("/proc", Long.toString(pid), "stat"));
  }

  /** A line of {@code /proc/<pid>/status} as a number (VmRSS in kB, Threads), or -1. */
  static long status(long pid, String key) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith(key + ":")) {
          return Long.parseLong(line.substring(key.length() + 1).trim().split("\\s+")[0]);
        }
      }
    } catch (IOException | RuntimeException e) {
      // gone
    }
    return -1;
  }

  /** Busy and total jiffies of the whole machine (all cores) from {@code /proc/stat}. */
  static long[] machineTicks() {
    try {
      String cpu = Files.readAllLines(Path.of("/proc/stat")).get(0);
      String[] f = cpu.trim().split("\\s+");
      long total = 0;
      long idle = 0;
      for (int i = 1; i < f.length && i <= 8; i++) { // user..steal; guest is inside user
        long v = Long.parseLong(f[i]);
        total += v;
        if (i == 4 || i == 5) { // idle, iowait
          idle += v;
        }
      }
      return new long[] {total - idle, total};
    } catch (IOException | RuntimeException e) {
      return new long[] {0, 0};
    }
  }

  /** CPU ticks per thread-name group (digits and separators at the end removed). */
  static Map<String, Long> threadTicks(long pid) {
    Map<String, Long> byGroup = new HashMap<>();
    Path tasks = Path.of("/proc", Long.toString(pid), "task");
    try (DirectoryStream<Path> dir = Files.newDirectoryStream(tasks)) {
      for (Path task : dir) {
        long ticks = cpuTicks(task.resolve("stat"));
        if (ticks < 0) {
          continue;
        }
        String name;
        try {
          name = Files.readString(task.resolve("comm")).trim();
        } catch (IOException e) {
          continue;
        }
        byGroup.merge(group(name), ticks, Long::sum);
      }
    } catch (IOException e) {
      // process gone
    }
    return byGroup;
  }

  /** Threads per name group. */
  static Map<String, Integer> threadCounts(long pid) {
    Map<String, Integer> byGroup = new HashMap<>();
    Path tasks = Path.of("/proc", Long.toString(pid), "task");
    try (DirectoryStream<Path> dir = Files.newDirectoryStream(tasks)) {
      for (Path task : dir) {
        try {
          byGroup.merge(group(Files.readString(task.resolve("comm")).trim()), 1, Integer::sum);
        } catch (IOException e) {
          // thread ended
        }
      }
    } catch (IOException e) {
      // process gone
    }
    return byGroup;
  }

  static String group(String threadName) {
    return threadName.replaceAll("[-_#:. ]*[0-9]+$", "").replaceAll("[-_#:. ]*[0-9]+$", "");
  }

  /**
   * The process listening on a TCP port, found through {@code /proc/net/tcp{,6}} and the socket
   * inodes in {@code /proc/<pid>/fd}.
   */
  static OptionalLong pidListeningOn(int port) {
    List<String> inodes = new ArrayList<>();
    for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      try {
        for (String line : Files.readAllLines(Path.of(table))) {
          String[] f = line.trim().split("\\s+");
          if (f.length < 10 || !f[3].equals("0A")) { // 0A = LISTEN
            continue;
          }
          String local = f[1];
          int p = Integer.parseInt(local.substring(local.indexOf(':') + 1), 16);
          if (p == port) {
            inodes.add("socket:[" + f[9] + "]");
          }
        }
      } catch (IOException | RuntimeException e) {
        // no such table
      }
    }
    if (inodes.isEmpty()) {
      return OptionalLong.empty();
    }
    try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
      for (Path proc : procs) {
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(proc.resolve("fd"))) {
          for (Path fd : fds) {
            try {
              if (inodes.contains(Files.readSymbolicLink(fd).toString())) {
                return OptionalLong.of(Long.parseLong(proc.getFileName().toString()));
              }
            } catch (IOException e) {
              // fd closed meanwhile
            }
          }
        } catch (IOException | SecurityException e) {
          // not ours to read or gone
        }
      }
    } catch (IOException e) {
      // fall through
    }
    return OptionalLong.empty();
  }

  /** The command line of a process, spaces between arguments. */
  static String commandLine(long pid) {
    try {
      byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
      return new String(raw).replace('\0', ' ').trim();
    } catch (IOException e) {
      return "";
    }
  }

  /** "nproc=2, CPU model, RAM, JDK" for the result header. */
  static String machineLine() {
    String model = "?";
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          model = line.substring(line.indexOf(':') + 1).trim();
          break;
        }
      }
    } catch (IOException e) {
      // unknown
    }
    long memKb = 0;
    try {
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith("MemTotal:")) {
          memKb = Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | RuntimeException e) {
      // unknown
    }
    return String.format(
        "machine: nproc=%d, CPU \"%s\", RAM %.1f GiB, JDK %s (%s), %s %s",
        Runtime.getRuntime().availableProcessors(),
        model,
        memKb / 1024.0 / 1024.0,
        System.getProperty("java.version"),
        System.getProperty("java.vm.name"),
        System.getProperty("os.name"),
        System.getProperty("os.version"));
  }
}
