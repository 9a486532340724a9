package io.fastrtc.jakarta.bench;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the soak reads from the server: its process (RSS, threads, open file descriptors from {@code
 * /proc}; heap and metaspace after a full GC through {@code jcmd}; RSS again after glibc was asked
 * to give freed memory back; the JVM's own native memory when Native Memory Tracking is on) and its
 * own counters ({@code GET /api/status}: live connections and native peer connections).
 */
final class SoakProbe {
  private static final Pattern HEAP_USED =
      Pattern.compile("(?m)^\\s*\\S.*heap\\s+total\\s+\\d+K,\\s+used\\s+(\\d+)K");
  private static final Pattern HEAP_TOTAL =
      Pattern.compile("(?m)^\\s*\\S.*heap\\s+total\\s+(\\d+)K");
  private static final Pattern META_USED = Pattern.compile("Metaspace\\s+used\\s+(\\d+)K");
  private static final Pattern NMT_COMMITTED =
      Pattern.compile("(?m)^Total: reserved=\\d+KB, committed=(\\d+)KB");
  private static final Pattern NMT_MALLOC = Pattern.compile("(?m)^\\s+malloc: (\\d+)KB");

  /**
   * One reading; -1 where it could not be read.
   *
   * @param rssKb resident set size (VmRSS), kB
   * @param heapRssKb of the RSS, the pages inside the Java heap's range ({@code
   *     /proc/<pid>/smaps}), kB; -1 when not collected
   * @param trimmedRssKb VmRSS right after {@code jcmd System.trim_native_heap} (glibc's {@code
   *     malloc_trim}: freed memory its arenas kept is given back), kB; -1 when not collected
   * @param nmtKb the JVM's native memory committed, as Native Memory Tracking counts it (heap,
   *     metaspace, code, threads, GC, internal, JNI handles...; not libwebrtc's own allocations),
   *     kB; -1 when NMT is off
   * @param nmtMallocKb of that, what the JVM allocated with malloc, kB; -1 when NMT is off
   * @param heapKb Java heap used after a full GC, kB (-1 when not collected for this reading)
   * @param heapCommittedKb Java heap committed after that GC, kB
   * @param metaKb metaspace used after that GC, kB
   * @param threads threads of the process ({@code /proc/<pid>/task})
   * @param fds open file descriptors ({@code /proc/<pid>/fd})
   * @param connections the registry's live connections
   * @param nativePeers native peer connections created and not yet released
   * @param peersCreated native peer connections created since the server started
   */
  record Reading(
      long rssKb,
      long heapRssKb,
      long trimmedRssKb,
      long nmtKb,
      long nmtMallocKb,
      long heapKb,
      long heapCommittedKb,
      long metaKb,
      long threads,
      long fds,
      long connections,
      long nativePeers,
      long peersCreated) {
    /** RSS outside the Java heap's pages, kB; -1 when not collected. */
    long outsideHeapKb() {
      return heapRssKb < 0 ? -1 : rssKb - heapRssKb;
    }

    /**
     * An estimate of the native memory the JVM does not track (libwebrtc, other native libraries,
     * what glibc keeps after its trim): RSS outside the heap after the trim minus NMT's committed
     * memory outside the heap; kB, -1 when NMT is off.
     */
    long untrackedKb() {
      long outside = outsideHeapTrimmedKb();
      long tracked = nmtOutsideHeapKb();
      return outside < 0 || tracked < 0 ? -1 : outside - tracked;
    }

    /** NMT's committed memory outside the Java heap (code, metaspace, threads...), kB; or -1. */
    long nmtOutsideHeapKb() {
      return nmtKb < 0 || heapCommittedKb < 0 ? -1 : nmtKb - heapCommittedKb;
    }

    /** The same after glibc's trim (the trim leaves the heap's pages alone), kB; -1 if unknown. */
    long outsideHeapTrimmedKb() {
      return heapRssKb < 0 || trimmedRssKb < 0 ? -1 : trimmedRssKb - heapRssKb;
    }
  }

  private final long pid;
  private final BenchHttp http;

  SoakProbe(long pid, BenchHttp http) {
    this.pid = pid;
    this.http = http;
  }

  /** Reads everything; {@code collect} first runs a full GC (a pause of the server). */
  Reading read(boolean collect) {
    long heap = -1;
    long committed = -1;
    long meta = -1;
    long rss;
    long heapRss = -1;
    long trimmed = -1;
    long nmt = -1;
    long nmtMalloc = -1;
    if (collect) {
      Jcmd.run(pid, "GC.run");
      String info = Jcmd.run(pid, "GC.heap_info");
      heap = group(HEAP_USED, info);
      committed = group(HEAP_TOTAL, info);
      meta = group(META_USED, info);
      rss = ProcStats.status(pid, "VmRSS");
      long[] range = ResidentMemory.heapRange(info);
      heapRss = range == null ? -1 : ResidentMemory.residentKbWithin(pid, range[0], range[1]);
      Jcmd.run(pid, "System.trim_native_heap");
      trimmed = ProcStats.status(pid, "VmRSS");
      String summary = Jcmd.run(pid, "VM.native_memory", "summary");
      nmt = group(NMT_COMMITTED, summary);
      nmtMalloc = group(NMT_MALLOC, summary);
    } else {
      rss = ProcStats.status(pid, "VmRSS");
    }
    JsonObject status = status();
    return new Reading(
        rss,
        heapRss,
        trimmed,
        nmt,
        nmtMalloc,
        heap,
        committed,
        meta,
        count(Path.of("/proc", Long.toString(pid), "task")),
        count(Path.of("/proc", Long.toString(pid), "fd")),
        status == null ? -1 : (long) BenchHttp.number(status, "connections", -1),
        status == null ? -1 : (long) BenchHttp.number(status, "nativePeers", -1),
        status == null ? -1 : (long) BenchHttp.number(status, "nativePeersCreated", -1));
  }

  /** Live connections and native peers only (cheap: no GC), or -1 each. */
  long[] live() {
    JsonObject status = status();
    if (status == null) {
      return new long[] {-1, -1};
    }
    return new long[] {
      (long) BenchHttp.number(status, "connections", -1),
      (long) BenchHttp.number(status, "nativePeers", -1)
    };
  }

  private JsonObject status() {
    try {
      return http.status();
    } catch (IOException | RuntimeException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private static long count(Path dir) {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.count();
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  private static long group(Pattern p, String text) {
    Matcher m = p.matcher(text);
    return m.find() ? Long.parseLong(m.group(1)) : -1;
  }
}
