package io.fastrtc.jakarta.it.streams;

import io.fastrtc.jakarta.api.StreamContext;
import io.fastrtc.jakarta.runtime.cdi.FastRtcRuntime;
import jakarta.enterprise.inject.spi.CDI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records the additional outputs that reach a connection's output listeners ({@code
 * Connection.onOutputs}, the hook output routes subscribe to), read through {@link ProbeResource}.
 * Test streams call {@link #listen(StreamContext)} from {@code startUp}.
 */
final class OutputProbe {
  static final Map<String, List<Object>> OUTPUTS = new ConcurrentHashMap<>();

  private OutputProbe() {}

  static void listen(StreamContext context) {
    List<Object> values =
        OUTPUTS.computeIfAbsent(context.connectionId(), k -> new CopyOnWriteArrayList<>());
    CDI.current()
        .select(FastRtcRuntime.class)
        .get()
        .registry()
        .find(context.connectionId())
        .ifPresent(connection -> connection.onOutputs(values::addAll));
  }
}
