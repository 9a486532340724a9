package io.fastrtc.jakarta.bench;

import io.fastrtc.jakarta.handlers.turn.TurnDetector;
import io.fastrtc.jakarta.handlers.turn.VoiceActivity;
import io.fastrtc.jakarta.handlers.turn.silero.SileroVad;
import java.util.ArrayList;
import java.util.List;

/**
 * Memory one connection's turn-taking holds: 1,000 connections' state kept alive at once, each
 * having heard 0.5 s of audio (so FastRTC's chunk buffer is part full), measured as Java heap after
 * garbage collection. Neither holds native memory between windows: every ONNX Runtime tensor is
 * created and closed within one call, and the model's session is shared by all connections.
 */
final class MemoryPerConnection {
  private static final int CONNECTIONS = 1_000;

  private MemoryPerConnection() {}

  static void print(SileroVad model) {
    short[] halfSecond = new short[TurnBenchmark.SR / 2];
    java.util.Random random = new java.util.Random(3);
    for (int i = 0; i < halfSecond.length; i++) {
      halfSecond[i] = (short) (random.nextGaussian() * 300);
    }
    System.out.printf(
        "memory per connection (%d at once, 0.5 s of audio heard each):%n", CONNECTIONS);
    measure(
        "ours (VoiceActivity + TurnDetector)",
        () -> {
          VoiceActivity activity = model.open();
          TurnDetector detector = new TurnDetector();
          for (int at = 0; at + 512 <= halfSecond.length; at += 512) {
            detector.onProbability(
                activity.speechProbability(TurnBenchmark.floats(halfSecond, at, 512)), 32);
          }
          return new Object[] {activity, detector};
        });
    measure(
        "FastRTC chunk algorithm (its buffer)",
        () -> {
          FastRtcChunkReference fastrtc = new FastRtcChunkReference(model);
          for (int at = 0;
              at + TurnBenchmark.FRAME <= halfSecond.length;
              at += TurnBenchmark.FRAME) {
            fastrtc.receive(TurnBenchmark.floats(halfSecond, at, TurnBenchmark.FRAME));
          }
          return fastrtc;
        });
  }

  private static void measure(String name, java.util.function.Supplier<Object> connection) {
    long heapBefore = usedHeap();
    List<Object> alive = new ArrayList<>();
    for (int i = 0; i < CONNECTIONS; i++) {
      alive.add(connection.get());
    }
    long heapAfter = usedHeap();
    System.out.printf(
        "  %s: %.1f KB of Java heap%n", name, (heapAfter - heapBefore) / 1024.0 / CONNECTIONS);
    if (alive.size() != CONNECTIONS) {
      throw new AssertionError();
    }
  }

  private static long usedHeap() {
    Runtime runtime = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return runtime.totalMemory() - runtime.freeMemory();
  }
}
