package io.fastrtc.jakarta.runtime.operations;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The CPU time of libwebrtc's native threads, by thread name, read from Linux's {@code
 * /proc/self/task/<tid>/stat} (user plus system time, in the kernel's 10 ms ticks). libwebrtc
 * encodes Opus on its {@code AudioEncoder} threads (one per sending connection) and decodes on the
 * audio device's {@code webrtc_audio_mo} thread, outside any Java thread, so this is the only place
 * their cost shows. Threads of one name are summed; a thread that ended keeps the time last read
 * for it, so each figure only grows (the time an ended thread spent since the previous read is
 * lost). Reads at most once a second, however often it is asked. Without {@code /proc} (not Linux)
 * every figure is 0.
 */
public final class NativeThreadCpu {
  /**
   * libwebrtc's threads as the kernel names them (15 characters at most), as listed during an audio
   * and a video loopback with webrtc-java 0.14.0.
   */
  public static final List<String> LIBWEBRTC_THREADS =
      List.of(
          "AudioEncoder",
          "webrtc_audio_mo",
          "AudioDeviceBuff",
          "webrtc_jni_work",
          "webrtc_jni_netw",
          "webrtc_jni_sign",
          "rtc-low-prio",
          "EncoderQueue",
          "DecodingQueue",
          "IncomingVideoSt");

  private static final long TICKS_PER_SECOND = 100; // USER_HZ, what /proc reports in
  private static final long REFRESH_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final Path tasks;
  private final Set<String> names;
  private final Map<String, Task> live = new HashMap<>(); // by tid
  private final Map<String, Long> endedTicks = new HashMap<>(); // by name
  private Map<String, Long> totals = Map.of();
  private long readNanos;
  private boolean everRead;

  /** Reads this process's threads. */
  public NativeThreadCpu() {
    this(Path.of("/proc/self/task"), LIBWEBRTC_THREADS);
  }

  /**
   * @param tasks a directory laid out as {@code /proc/self/task}
   * @param names the thread names to report
   */
  NativeThreadCpu(Path tasks, List<String> names) {
    this.tasks = tasks;
    this.names = Set.copyOf(names);
  }

  /** Whether the threads can be read here (Linux's {@code /proc}). */
  public boolean isAvailable() {
    return Files.isDirectory(tasks);
  }

  /** The CPU seconds of the threads named {@code name} so far (0 for none or unknown names). */
  public synchronized double seconds(String name) {
    refresh(false);
    return totals.getOrDefault(name, 0L) / (double) TICKS_PER_SECOND;
  }

  /** Every reported name's CPU seconds so far, read now. */
  public synchronized Map<String, Double> secondsByName() {
    refresh(true);
    Map<String, Double> m = new LinkedHashMap<>();
    totals.forEach((name, ticks) -> m.put(name, ticks / (double) TICKS_PER_SECOND));
    return m;
  }

  private void refresh(boolean now) {
    long t = System.nanoTime();
    if (!now && everRead && t - readNanos < REFRESH_NANOS) {
      return;
    }
    everRead = true;
    readNanos = t;
    Map<String, Task> current = new HashMap<>();
    try (DirectoryStream<Path> dir = Files.newDirectoryStream(tasks)) {
      for (Path task : dir) {
        Task thread = read(task);
        if (thread != null) {
          current.put(task.getFileName().toString(), thread);
        }
      }
    } catch (IOException e) {
      return; // not Linux, or /proc unreadable: keep the last figures
    }
    for (Map.Entry<String, Task> e : live.entrySet()) {
      Task same = current.get(e.getKey());
      Task before = e.getValue();
      if (same == null || !same.name().equals(before.name()) || same.ticks() < before.ticks()) {
        endedTicks.merge(before.name(), before.ticks(), Long::sum); // ended (or its id reused)
      }
    }
    live.clear();
    live.putAll(current);
    Map<String, Long> sums = new HashMap<>(endedTicks);
    current.values().forEach(th -> sums.merge(th.name(), th.ticks(), Long::sum));
    totals = sums;
  }

  /** One thread's name and CPU ticks, or null when it is not one of the reported names. */
  private Task read(Path task) {
    String stat;
    try {
      stat = Files.readString(task.resolve("stat"));
    } catch (IOException e) {
      return null; // ended while listed
    }
    int open = stat.indexOf('(');
    int close = stat.lastIndexOf(')');
    if (open < 0 || close < open) {
      return null;
    }
    String name = stat.substring(open + 1, close);
    if (!names.contains(name)) {
      return null;
    }
    String[] fields = stat.substring(close + 2).trim().split(" ", -1);
    if (fields.length < 13) {
      return null;
    }
    try {
      // fields[0] is the state (field 3 of stat); utime and stime are fields 14 and 15
      return new Task(name, Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private record Task(String name, long ticks) {}
}
