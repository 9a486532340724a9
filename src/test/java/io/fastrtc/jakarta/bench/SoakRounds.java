package io.fastrtc.jakarta.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Runs the soak's cycles ten at a time: each round starts {@code parallel} cycles together, half
 * over WebRTC and half over the WebSocket, and alternates which of them close properly and which
 * vanish, so that both halves are even over two rounds. The round's vanishing WebRTC clients live
 * in a {@link SoakVanisher} JVM that is killed (SIGKILL) once they have streamed; the next round's
 * vanisher is started while the current round runs.
 */
final class SoakRounds implements AutoCloseable {
  /** Outcome of one cycle: its kind and the failure, or null. */
  record Outcome(String kind, String failure) {}

  private final String baseUrl;
  private final URI socketUri;
  private final int parallel;
  private final double streamSeconds;
  private final ExecutorService workers;
  private Vanisher next;

  SoakRounds(String baseUrl, int parallel, double streamSeconds) {
    this.baseUrl = baseUrl;
    this.socketUri = URI.create(baseUrl.replaceFirst("^http", "ws") + "/websocket/offer");
    this.parallel = parallel;
    this.streamSeconds = streamSeconds;
    this.workers = Executors.newFixedThreadPool(parallel);
    this.next = Vanisher.start();
  }

  /** Runs round {@code r} (cycles {@code r * parallel} on) and returns its outcomes. */
  List<Outcome> round(int r) throws InterruptedException {
    return round(r, "mixed");
  }

  /**
   * Runs round {@code r} of one kind only (for finding what leaks): {@code mixed} (the soak's mix),
   * {@code webrtc} or {@code websocket} (that transport, half vanishing), or one of {@code
   * webrtc-close}, {@code webrtc-vanish}, {@code websocket-close}, {@code websocket-vanish}.
   */
  List<Outcome> round(int r, String only) throws InterruptedException {
    Vanisher vanisher = next;
    next = Vanisher.start(); // warms up while this round runs
    List<CompletableFuture<Outcome>> cycles = new ArrayList<>();
    for (int j = 0; j < parallel; j++) {
      boolean webRtc = only.startsWith("webrtc") || (only.equals("mixed") && j < parallel / 2);
      boolean vanish = only.endsWith("-vanish") || (!only.endsWith("-close") && (j + r) % 2 == 1);
      String id = "soak" + (r * parallel + j) + "x" + Long.toString(System.nanoTime() % 46656, 36);
      String kind = (webRtc ? "webrtc" : "websocket") + (vanish ? " vanish" : " close");
      if (webRtc && vanish) {
        cycles.add(vanisher.run(baseUrl, id, streamSeconds).thenApply(f -> new Outcome(kind, f)));
      } else if (webRtc) {
        cycles.add(
            CompletableFuture.supplyAsync(
                () -> new Outcome(kind, SoakWebRtc.stream(baseUrl, id, streamSeconds, false)),
                workers));
      } else {
        cycles.add(
            CompletableFuture.supplyAsync(
                () -> new Outcome(kind, SoakSocket.cycle(socketUri, id, streamSeconds, vanish)),
                workers));
      }
    }
    List<Outcome> outcomes = new ArrayList<>();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    for (CompletableFuture<Outcome> c : cycles) {
      try {
        long left = Math.max(1, deadline - System.nanoTime());
        outcomes.add(c.get(left, TimeUnit.NANOSECONDS));
      } catch (InterruptedException e) {
        throw e;
      } catch (Exception e) {
        outcomes.add(new Outcome("?", "no outcome within 60 s: " + e));
      }
    }
    vanisher.kill();
    return outcomes;
  }

  @Override
  public void close() {
    next.kill();
    workers.shutdownNow();
  }

  /** A {@link SoakVanisher} process and the answers it owes. */
  private static final class Vanisher {
    private final Process process;
    private final Writer stdin;
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private final Map<String, CompletableFuture<String>> pending = new ConcurrentHashMap<>();

    private Vanisher(Process process) {
      this.process = process;
      this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
      Thread reader = new Thread(this::read, "soak-vanisher-reader");
      reader.setDaemon(true);
      reader.start();
    }

    static Vanisher start() {
      String java = System.getProperty("java.home") + "/bin/java";
      try {
        return new Vanisher(
            new ProcessBuilder(
                    java,
                    "-Xmx128m",
                    "-cp",
                    System.getProperty("java.class.path"),
                    SoakVanisher.class.getName())
                .redirectErrorStream(true)
                .start());
      } catch (IOException e) {
        throw new IllegalStateException("cannot start the vanishing client JVM", e);
      }
    }

    CompletableFuture<String> run(String baseUrl, String id, double seconds) {
      CompletableFuture<String> done = new CompletableFuture<>();
      pending.put(id, done);
      try {
        ready.get(30, TimeUnit.SECONDS);
        synchronized (stdin) {
          stdin.write(baseUrl + " " + id + " " + seconds + "\n");
          stdin.flush();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        done.complete("vanisher: interrupted");
      } catch (Exception e) {
        done.complete("vanisher: not ready: " + e);
      }
      return done;
    }

    private void read() {
      try (BufferedReader out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
          if (line.equals("READY")) {
            ready.complete(null);
          } else if (line.startsWith("DONE ")) {
            String[] f = line.split(" ", 3);
            CompletableFuture<String> done = pending.remove(f[1]);
            if (done != null) {
              done.complete("ok".equals(f[2]) ? null : f[2]);
            }
          }
        }
      } catch (IOException e) {
        // killed
      }
      ready.completeExceptionally(new IllegalStateException("the vanisher JVM ended"));
      pending.values().forEach(f -> f.complete("vanisher: its JVM ended first"));
    }

    /** SIGKILL: the peers go without a word. */
    void kill() {
      process.destroyForcibly();
      try {
        process.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
