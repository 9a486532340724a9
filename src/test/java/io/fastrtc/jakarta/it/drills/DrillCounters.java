package io.fastrtc.jakarta.it.drills;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Counters of the drill streams inside the server, read through {@link DrillProbe}. */
final class DrillCounters {
  private static final Map<String, AtomicLong> VALUES = new ConcurrentHashMap<>();

  private DrillCounters() {}

  static void increment(String stream, String what) {
    counter(stream, what).incrementAndGet();
  }

  static void set(String stream, String what, long value) {
    counter(stream, what).set(value);
  }

  static long get(String stream, String what) {
    return counter(stream, what).get();
  }

  private static AtomicLong counter(String stream, String what) {
    return VALUES.computeIfAbsent(stream + "." + what, k -> new AtomicLong());
  }
}
