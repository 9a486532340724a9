package io.fastrtc.jakarta.it.streams;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts startUp/shutdown calls per stream inside the server, read through {@link ProbeResource}.
 */
final class Lifecycle {
  static final Map<String, AtomicInteger> STARTS = new ConcurrentHashMap<>();
  static final Map<String, AtomicInteger> SHUTDOWNS = new ConcurrentHashMap<>();

  private Lifecycle() {}

  static void started(String stream) {
    STARTS.computeIfAbsent(stream, k -> new AtomicInteger()).incrementAndGet();
  }

  static void shutDown(String stream) {
    SHUTDOWNS.computeIfAbsent(stream, k -> new AtomicInteger()).incrementAndGet();
  }
}
