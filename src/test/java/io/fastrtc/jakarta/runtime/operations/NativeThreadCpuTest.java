package io.fastrtc.jakarta.runtime.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** libwebrtc's thread CPU from {@code /proc/self/task}: summed by name, never going down. */
class NativeThreadCpuTest {
  private static final String PROBE = "FrtcCpuProbe";

  @TempDir Path tasks;

  private void thread(String tid, String name, long utime, long stime) throws IOException {
    Path dir = Files.createDirectories(tasks.resolve(tid));
    // pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime
    Files.writeString(
        dir.resolve("stat"),
        tid
            + " ("
            + name
            + ") S 1 1 1 0 -1 4194560 10 0 0 0 "
            + utime
            + " "
            + stime
            + " 0 0 20 0 30 0 100 0 0\n");
  }

  @Test
  void sumsThreadsOfOneNameAndIgnoresOthers() throws IOException {
    thread("101", "AudioEncoder", 150, 50);
    thread("102", "AudioEncoder", 100, 0);
    thread("103", "web rtc (x)", 999, 0); // a name with spaces and brackets, not reported
    thread("104", "C2 CompilerThre", 500, 0);
    NativeThreadCpu cpu = new NativeThreadCpu(tasks, List.of("AudioEncoder", "web rtc (x)"));

    assertThat(cpu.secondsByName())
        .containsEntry("AudioEncoder", 3.0)
        .containsEntry("web rtc (x)", 9.99)
        .doesNotContainKey("C2 CompilerThre");
    assertThat(cpu.seconds("AudioEncoder")).isEqualTo(3.0);
    assertThat(cpu.seconds("EncoderQueue")).isZero();
  }

  @Test
  void anEndedThreadKeepsItsTimeSoTheFigureNeverGoesDown() throws IOException {
    thread("101", "AudioEncoder", 200, 0);
    NativeThreadCpu cpu = new NativeThreadCpu(tasks, List.of("AudioEncoder"));
    assertThat(cpu.secondsByName()).containsEntry("AudioEncoder", 2.0);

    Files.delete(tasks.resolve("101/stat"));
    Files.delete(tasks.resolve("101"));
    thread("102", "AudioEncoder", 100, 0);
    assertThat(cpu.secondsByName()).containsEntry("AudioEncoder", 3.0);

    thread("102", "AudioEncoder", 30, 0); // id reused by a new thread
    assertThat(cpu.secondsByName()).containsEntry("AudioEncoder", 3.3);
  }

  @Test
  void readsThisProcessesThreadsOnLinux() throws Exception {
    // A name no real thread has: other tests in this JVM run libwebrtc, whose own AudioEncoder
    // threads would be counted too.
    NativeThreadCpu cpu = new NativeThreadCpu(Path.of("/proc/self/task"), List.of(PROBE));
    assumeThat(cpu.isAvailable()).as("Linux /proc").isTrue();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    // A Java thread's kernel name is its name (cut to 15 characters): one burns 300 ms of CPU.
    Thread t =
        new Thread(
            () -> {
              long end = threads.getCurrentThreadCpuTime() + 300_000_000L;
              while (threads.getCurrentThreadCpuTime() < end) {
                Thread.onSpinWait();
              }
            },
            PROBE);
    t.start();
    t.join();
    awaitNoTaskNamed(PROBE); // join returns before the kernel has removed the ended thread
    double before = cpu.secondsByName().getOrDefault(PROBE, 0.0);
    assertThat(before).isZero(); // ended before the first read: not seen

    Thread live =
        new Thread(
            () -> {
              long end = threads.getCurrentThreadCpuTime() + 300_000_000L;
              while (threads.getCurrentThreadCpuTime() < end) {
                Thread.onSpinWait();
              }
              try {
                Thread.sleep(1000);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            PROBE);
    live.start();
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (live.getState() != Thread.State.TIMED_WAITING && System.nanoTime() < deadline) {
      Thread.sleep(20); // until it has burned its CPU and sleeps
    }
    double seen = cpu.secondsByName().get(PROBE);
    live.join();
    System.out.printf("native thread CPU: a thread named %s read at %.2f s%n", PROBE, seen);
    assertThat(seen).isBetween(0.2, 0.5);
    assertThat(cpu.secondsByName().get(PROBE)).isEqualTo(seen); // ended: kept
  }

  private static void awaitNoTaskNamed(String name) throws Exception {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (System.nanoTime() < deadline) {
      boolean found = false;
      try (var tasks = Files.list(Path.of("/proc/self/task"))) {
        for (Path task : tasks.toList()) {
          try {
            found |= Files.readString(task.resolve("comm")).trim().equals(name);
          } catch (IOException e) {
            // the thread ended meanwhile
          }
        }
      }
      if (!found) {
        return;
      }
      Thread.sleep(10);
    }
    throw new AssertionError("a thread named " + name + " is still listed after 10 s");
  }
}
