package io.fastrtc.jakarta.bench;

import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.media.audio.HeadlessAudioDeviceModule;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The echo benchmark: N concurrent WebRTC client peers (webrtc-java, one factory with a headless
 * audio device) against a running FastRTC server's echo stream, for N = 1, 10, 50, 100, 150, ...
 * until quality collapses. Not a test: run it with {@code mvn -Pbench test-compile exec:exec} or
 * {@code bench/run-echo-bench.sh}; see the README of {@code bench/}.
 *
 * <p>Every peer sends a 48 kHz 440 Hz tone in 10 ms frames, all paced by one scheduled thread, and
 * receives the echo through an {@code AudioTrackSink}. After a warm-up, the server counters are
 * reset and a fixed window is measured: server CPU and memory from {@code /proc}, the server's
 * counters from {@code /api/status}, the client's own CPU, and how many echo frames arrived with
 * the tone in them.
 *
 * <p>Settings (system properties): {@code bench.url} (http://localhost:9080), {@code bench.path}
 * (/webrtc/offer), {@code bench.sizes} (empty: 1,10,50,100 then +{@code bench.step} until collapse
 * or {@code bench.max}), {@code bench.pid} (empty: the process listening on the URL's port), {@code
 * bench.warmup} (5 s), {@code bench.window} (15 s), {@code bench.batch} (10 peers per batch),
 * {@code bench.maxLoss} (1 %), {@code bench.step} (50), {@code bench.max} (1000), {@code
 * bench.quiet} (0 = off; else wait before each window until other processes use less than this % of
 * one core for 3 s: for shared machines), {@code bench.quietMaxWait} (600 s), {@code bench.fresh}
 * (false: peers stay connected from one N to the next; true: every N starts with new connections).
 */
public final class EchoBenchmark {
  private static final int RATE = 48_000;
  private static final int FRAME_SAMPLES = RATE / 100;
  private static final int TONE_HZ = 440;
  private static final int AMPLITUDE = 8000;

  private final Settings settings;
  private final BenchHttp http;
  private final long pid;
  private final long clkTck = ProcStats.clockTicksPerSecond();
  private final List<BenchPeer> peers = new CopyOnWriteArrayList<>();
  private final byte[][] tone = toneFrames();
  private final AtomicLong pacerTicks = new AtomicLong();
  private final AtomicLong pacerLate = new AtomicLong();
  private final AtomicLong pacerBusyNanos = new AtomicLong();
  private final List<Row> rows = new ArrayList<>();
  private final List<BenchPeer> abandoned = new ArrayList<>();
  private PeerConnectionFactory factory;
  private HeadlessAudioDeviceModule adm;
  private ScheduledExecutorService pacer;
  private int nextId;

  record Settings(
      String url,
      String path,
      List<Integer> sizes,
      String pid,
      int warmupSeconds,
      int windowSeconds,
      int batch,
      double maxLossPercent,
      int step,
      int max,
      double quietPercent,
      int quietMaxWaitSeconds,
      boolean fresh) {

    static Settings fromSystemProperties() {
      String sizes = prop("bench.sizes", "");
      List<Integer> list = new ArrayList<>();
      for (String s : sizes.split(",")) {
        if (!s.isBlank()) {
          list.add(Integer.parseInt(s.trim()));
        }
      }
      return new Settings(
          prop("bench.url", "http://localhost:9080"),
          prop("bench.path", "/webrtc/offer"),
          list,
          prop("bench.pid", ""),
          Integer.parseInt(prop("bench.warmup", "5")),
          Integer.parseInt(prop("bench.window", "15")),
          Integer.parseInt(prop("bench.batch", "10")),
          Double.parseDouble(prop("bench.maxLoss", "1")),
          Integer.parseInt(prop("bench.step", "50")),
          Integer.parseInt(prop("bench.max", "1000")),
          Double.parseDouble(prop("bench.quiet", "0")),
          Integer.parseInt(prop("bench.quietMaxWait", "600")),
          Boolean.parseBoolean(prop("bench.fresh", "false")));
    }

    private static String prop(String key, String fallback) {
      String v = System.getProperty(key);
      return v == null || v.isBlank() || v.startsWith("${") ? fallback : v.trim();
    }

    /** The N after {@code previous}, or -1 when done. */
    int next(int index, int previous) {
      if (!sizes.isEmpty()) {
        return index < sizes.size() ? sizes.get(index) : -1;
      }
      int[] start = {1, 10, 50, 100};
      int n = index < start.length ? start[index] : previous + step;
      return n <= max ? n : -1;
    }
  }

  /** One measured step. */
  record Row(
      int requested,
      int connected,
      double setupP50Ms,
      double setupMaxMs,
      double seconds,
      double serverCpuPct,
      double clientCpuPct,
      double machineBusyPct,
      long rssKb,
      long rssBeforeKb,
      long threads,
      double serverInputPct,
      long inputDropped,
      long lateTicks,
      long clockTicks,
      double p50,
      double p99,
      double echoPerPeerPerSecond,
      double gapPct,
      double concealedPct,
      double jitterBufferMs,
      long packetsLost,
      double latePct,
      double missVs100Pct,
      double lostOrLatePct,
      long pacerLate,
      String note) {}

  EchoBenchmark(Settings settings) {
    this.settings = settings;
    this.http = new BenchHttp(settings.url());
    this.pid = findPid(settings);
  }

  public static void main(String[] args) throws Exception {
    Locale.setDefault(Locale.ROOT);
    int code;
    try {
      code = new EchoBenchmark(Settings.fromSystemProperties()).run();
    } catch (Exception | Error e) {
      System.err.println("Benchmark failed: " + e);
      e.printStackTrace();
      code = 1;
    }
    System.out.flush();
    // libwebrtc's native threads keep the JVM alive; the benchmark is done.
    Runtime.getRuntime().halt(code);
  }

  private static long findPid(Settings s) {
    if (!s.pid().isBlank()) {
      return Long.parseLong(s.pid());
    }
    URI uri = URI.create(s.url());
    int port = uri.getPort() > 0 ? uri.getPort() : 80;
    OptionalLong found = ProcStats.pidListeningOn(port);
    if (found.isEmpty()) {
      throw new IllegalStateException(
          "No process listens on port "
              + port
              + " (is the server running?); pass -Dbench.pid=<server pid> to measure a remote"
              + " port-forwarded server");
    }
    return found.getAsLong();
  }

  int run() throws Exception {
    System.out.println("FastRTC echo benchmark");
    System.out.println("  server:  " + http.base() + settings.path() + "  pid " + pid);
    String cmd = ProcStats.commandLine(pid);
    System.out.println(
        "  process: " + (cmd.length() > 160 ? "..." + cmd.substring(cmd.length() - 157) : cmd));
    System.out.println(
        "  warm-up "
            + settings.warmupSeconds()
            + " s, window "
            + settings.windowSeconds()
            + " s, batches of "
            + settings.batch()
            + ", collapse above "
            + settings.maxLossPercent()
            + " % lost or late, CLK_TCK "
            + clkTck);
    System.out.println("  " + ProcStats.machineLine());
    System.out.println(
        "  NOTE: the client runs on the same machine and competes with the server for its cores;"
            + " its CPU is reported next to the server's.");
    checkServer();

    System.out.printf(
        "  other processes before the run: %.0f %% of one core (server %.1f %%)%n",
        otherLoad(2000), lastServerLoad);
    long rssBefore = ProcStats.status(pid, "VmRSS");
    long threadsBefore = ProcStats.status(pid, "Threads");
    System.out.printf(
        "  server before any peer: RSS %.1f MB, %d threads%n", rssBefore / 1024.0, threadsBefore);

    startClient();
    try {
      int previous = 0;
      for (int i = 0; ; i++) {
        int n = settings.next(i, previous);
        if (n < 0) {
          break;
        }
        previous = n;
        Row row = step(n, rssBefore);
        rows.add(row);
        printRow(row);
        if (!row.note().isEmpty() && row.connected() < n) {
          System.out.println("  stopping: " + row.note());
          break;
        }
        if (row.lostOrLatePct() > settings.maxLossPercent()) {
          System.out.printf(
              "  stopping: %.2f %% of frames lost or late (> %.1f %%): quality collapsed%n",
              row.lostOrLatePct(), settings.maxLossPercent());
          break;
        }
      }
    } finally {
      stopClient();
    }
    Thread.sleep(3000);
    long rssAfter = ProcStats.status(pid, "VmRSS");
    JsonObject status = http.status();
    System.out.println();
    printTable(rssBefore);
    System.out.printf(
        "server after all peers closed (3 s): RSS %.1f MB, %d threads, %s connections%n",
        rssAfter / 1024.0, ProcStats.status(pid, "Threads"), status.get("connections"));
    System.out.println(ProcStats.machineLine());
    return 0;
  }

  private void checkServer() throws Exception {
    JsonObject status = http.status();
    String webrtc = status.getString("webrtc", "?");
    if (!"available".equals(webrtc)) {
      throw new IllegalStateException("the server says WebRTC is unavailable: " + webrtc);
    }
    JsonArray streams = http.streams();
    int max =
        settings.sizes().isEmpty()
            ? settings.max()
            : settings.sizes().stream().max(Integer::compare).orElse(1);
    for (JsonValue v : streams) {
      JsonObject s = v.asJsonObject();
      boolean matches =
          settings.path().equals(s.getString("offerPath", ""))
              || (s.getBoolean("isDefault", false) && settings.path().equals("/webrtc/offer"));
      if (matches) {
        int limit = s.getInt("concurrencyLimit", 0);
        System.out.printf(
            "  stream '%s': concurrency limit %d, %s, in %d Hz / out %d Hz%n",
            s.getString("name", "?"),
            limit,
            s.getString("mode", "?"),
            s.getInt("inputSampleRate", 0),
            s.getInt("outputSampleRate", 0));
        if (limit < max) {
          System.out.printf(
              "  WARNING: the limit %d is below the largest N; start the server with"
                  + " fastrtc.stream.%s.concurrency-limit=%d (e.g."
                  + " -Dliberty.var.fastrtc.stream.%s.concurrency-limit=%d)%n",
              limit, s.getString("name", "echo"), max, s.getString("name", "echo"), max);
        }
      }
    }
  }

  private double lastServerLoad;

  /** CPU used by processes other than the server and this client, % of one core. */
  private double otherLoad(long millis) throws InterruptedException {
    long self = ProcessHandle.current().pid();
    long[] m0 = ProcStats.machineTicks();
    long s0 = ProcStats.cpuTicks(pid);
    long c0 = ProcStats.cpuTicks(self);
    long t0 = System.nanoTime();
    Thread.sleep(millis);
    long[] m1 = ProcStats.machineTicks();
    double seconds = (System.nanoTime() - t0) / 1e9;
    double machine =
        100.0
            * Runtime.getRuntime().availableProcessors()
            * (m1[0] - m0[0])
            / Math.max(1, m1[1] - m0[1]);
    double server = 100.0 * (ProcStats.cpuTicks(pid) - s0) / clkTck / seconds;
    double client = 100.0 * (ProcStats.cpuTicks(self) - c0) / clkTck / seconds;
    lastServerLoad = server;
    return Math.max(0, machine - server - client);
  }

  /**
   * With {@code bench.quiet} > 0, waits (up to {@code bench.quietMaxWait}) until other processes
   * use less than that share of one core for 3 s, so a shared machine's other work does not land in
   * the window.
   */
  private void waitForQuiet() throws InterruptedException {
    if (settings.quietPercent() <= 0) {
      return;
    }
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(settings.quietMaxWaitSeconds());
    int quietSeconds = 0;
    long waited = 0;
    while (quietSeconds < 3 && System.nanoTime() < until) {
      double other = otherLoad(1000);
      quietSeconds = other <= settings.quietPercent() ? quietSeconds + 1 : 0;
      if (quietSeconds == 0 && waited++ % 10 == 0) {
        System.out.printf("  waiting: other processes use %.0f %% of one core%n", other);
      }
    }
    if (quietSeconds < 3) {
      System.out.println("  measuring anyway: the machine did not become quiet");
    }
  }

  // ---- client side ----

  private void startClient() {
    long t0 = System.nanoTime();
    adm = new HeadlessAudioDeviceModule();
    // Order matters (see design.md): playout and recording run before the factory exists.
    adm.initPlayout();
    adm.startPlayout();
    adm.initRecording();
    adm.startRecording();
    factory = new PeerConnectionFactory(adm);
    System.out.printf("  client factory ready in %d ms%n%n", (System.nanoTime() - t0) / 1_000_000);
    pacer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "bench-pacer");
              t.setDaemon(true);
              t.setPriority(Thread.MAX_PRIORITY);
              return t;
            });
    long start = System.nanoTime();
    long period = TimeUnit.MILLISECONDS.toNanos(10);
    pacer.scheduleAtFixedRate(
        () -> {
          long k = pacerTicks.getAndIncrement();
          long begin = System.nanoTime();
          if (begin - (start + k * period) > period) {
            pacerLate.incrementAndGet();
          }
          byte[] frame = tone[(int) (k % tone.length)];
          for (BenchPeer p : peers) {
            p.push(frame, RATE);
          }
          pacerBusyNanos.addAndGet(System.nanoTime() - begin);
        },
        0,
        10,
        TimeUnit.MILLISECONDS);
  }

  private void stopClient() throws InterruptedException {
    List<BenchPeer> all = new ArrayList<>(peers);
    peers.clear();
    Thread.sleep(50); // let a running pacer tick finish before sources are disposed
    pacer.shutdownNow();
    pacer.awaitTermination(2, TimeUnit.SECONDS);
    // Closing waits on libwebrtc's signalling and worker threads, which may be swamped after a
    // collapse: close in the background and give up after a minute (the process exit and the
    // server's ICE timeout end whatever is left).
    Thread closer = new Thread(() -> all.forEach(BenchPeer::close), "bench-closer");
    closer.setDaemon(true);
    closer.start();
    closer.join(60_000);
    if (closer.isAlive()) {
      System.out.println("  (closing the peers did not finish within 60 s; leaving them to exit)");
    }
    // The factory and ADM are left to the process exit: disposing them with hundreds of closing
    // connections only adds shutdown time to a benchmark.
  }

  /** 440 Hz repeats exactly every 5 frames (22 cycles in 50 ms). */
  private static byte[][] toneFrames() {
    byte[][] frames = new byte[5][FRAME_SAMPLES * 2];
    for (int f = 0; f < frames.length; f++) {
      for (int i = 0; i < FRAME_SAMPLES; i++) {
        long n = (long) f * FRAME_SAMPLES + i;
        short s = (short) Math.round(AMPLITUDE * Math.sin(2 * Math.PI * TONE_HZ * n / RATE));
        frames[f][2 * i] = (byte) s;
        frames[f][2 * i + 1] = (byte) (s >> 8);
      }
    }
    return frames;
  }

  /** Opens or closes peers until {@code n} are live; returns the setup times of new peers. */
  /** Drops dead peers and closes live ones beyond {@code keep}. */
  private void shrinkTo(int keep, List<String> problems) throws InterruptedException {
    peers.removeIf(
        p -> {
          if (!p.isConnected()) {
            problems.add("peer " + p.id + " " + p.state());
            abandoned.add(p);
            return true;
          }
          return false;
        });
    if (peers.size() > keep) {
      List<BenchPeer> surplus = new ArrayList<>(peers.subList(keep, peers.size()));
      peers.removeAll(surplus);
      Thread.sleep(50); // let a running pacer tick finish before sources are disposed
      surplus.forEach(BenchPeer::close);
      if (settings.fresh()) {
        Thread.sleep(2000); // let the server close them before new ones arrive
      }
    }
  }

  /** Opens peers in batches until {@code n} are live or a batch fails; new peers' setup times. */
  private List<Double> rampTo(int n, List<String> problems) throws InterruptedException {
    List<Double> setup = new ArrayList<>();
    while (peers.size() < n && problems.isEmpty()) {
      int count = Math.min(settings.batch(), n - peers.size());
      List<BenchPeer> batch = new ArrayList<>();
      List<CompletableFuture<Void>> ready = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        BenchPeer p = new BenchPeer("bench-" + (nextId++), factory);
        batch.add(p);
        ready.add(
            p.offer()
                .thenCompose(sdp -> http.offer(settings.path(), p.id, sdp))
                .thenCompose(p::answer)
                .thenCompose(v -> p.ready())
                .orTimeout(30, TimeUnit.SECONDS));
      }
      for (int i = 0; i < count; i++) {
        BenchPeer p = batch.get(i);
        try {
          ready.get(i).get();
          peers.add(p);
          setup.add((p.readyNanos - p.createdNanos) / 1e6);
        } catch (Exception e) {
          Throwable cause = e.getCause() != null ? e.getCause() : e;
          problems.add("peer " + p.id + ": " + cause.getMessage());
          // Closing blocks on libwebrtc's signalling and worker threads, which are what is
          // overloaded when peers fail to connect: leave failed peers to the process exit.
          abandoned.add(p);
        }
      }
    }
    return setup;
  }

  // ---- one step ----

  private Row step(int n, long rssBefore) throws Exception {
    List<String> problems = new ArrayList<>();
    System.out.printf("N=%d: connecting...%n", n);
    shrinkTo(settings.fresh() ? 0 : n, problems);
    waitForQuiet();
    List<Double> setup = rampTo(n, problems);
    for (String p : problems) {
      System.out.println("  problem: " + p);
    }
    setup.sort(Comparator.naturalOrder());
    double setupP50 = setup.isEmpty() ? Double.NaN : setup.get(setup.size() / 2);
    double setupMax = setup.isEmpty() ? Double.NaN : setup.get(setup.size() - 1);
    System.out.printf(
        "N=%d: %d peers live (%d new, setup p50 %.0f ms, max %.0f ms); warm-up %d s%n",
        n, peers.size(), setup.size(), setupP50, setupMax, settings.warmupSeconds());
    Thread.sleep(settings.warmupSeconds() * 1000L);

    List<BenchPeer> measured = new ArrayList<>(peers);
    List<Map<String, Object>> statsBefore = stats(measured);
    long[] framesBefore = new long[measured.size()];
    long[] goodBefore = new long[measured.size()];
    http.reset();
    long pacerLateBefore = pacerLate.get();
    long serverCpu0 = ProcStats.cpuTicks(pid);
    long clientCpu0 = ProcStats.cpuTicks(ProcessHandle.current().pid());
    long[] machine0 = ProcStats.machineTicks();
    Map<String, Long> serverThreads0 = ProcStats.threadTicks(pid);
    Map<String, Long> clientThreads0 = ProcStats.threadTicks(ProcessHandle.current().pid());
    for (int i = 0; i < measured.size(); i++) {
      framesBefore[i] = measured.get(i).frames();
      goodBefore[i] = measured.get(i).goodFrames();
    }
    long t0 = System.nanoTime();

    Thread.sleep(settings.windowSeconds() * 1000L);

    long frames = 0;
    long good = 0;
    for (int i = 0; i < measured.size(); i++) {
      frames += measured.get(i).frames() - framesBefore[i];
      good += measured.get(i).goodFrames() - goodBefore[i];
    }
    long t1 = System.nanoTime();
    JsonObject status = http.status();
    long serverCpu1 = ProcStats.cpuTicks(pid);
    long clientCpu1 = ProcStats.cpuTicks(ProcessHandle.current().pid());
    long[] machine1 = ProcStats.machineTicks();
    Map<String, Long> serverThreads1 = ProcStats.threadTicks(pid);
    Map<String, Long> clientThreads1 = ProcStats.threadTicks(ProcessHandle.current().pid());
    long rss = ProcStats.status(pid, "VmRSS");
    long threads = ProcStats.status(pid, "Threads");
    long pacerLateDelta = pacerLate.get() - pacerLateBefore;
    List<Map<String, Object>> statsAfter = stats(measured);
    if (Boolean.getBoolean("bench.verbose") && !statsAfter.isEmpty()) {
      System.out.println("  inbound-rtp of " + measured.get(0).id + ": " + statsAfter.get(0));
    }

    double seconds = (t1 - t0) / 1e9;
    int live = (int) measured.stream().filter(BenchPeer::isConnected).count();
    double serverCpuPct = 100.0 * (serverCpu1 - serverCpu0) / clkTck / seconds;
    double clientCpuPct = 100.0 * (clientCpu1 - clientCpu0) / clkTck / seconds;
    double machineBusyPct =
        100.0
            * Runtime.getRuntime().availableProcessors()
            * (machine1[0] - machine0[0])
            / Math.max(1, machine1[1] - machine0[1]);

    long concealed = 0;
    long samples = 0;
    long lost = 0;
    double jbDelay = 0;
    double jbEmitted = 0;
    for (int i = 0; i < measured.size(); i++) {
      Map<String, Object> b = statsBefore.get(i);
      Map<String, Object> a = statsAfter.get(i);
      if (b.isEmpty() || a.isEmpty()) {
        continue; // no stats from this peer in time
      }
      concealed += (long) delta(b, a, "concealedSamples");
      samples += (long) delta(b, a, "totalSamplesReceived");
      lost += (long) delta(b, a, "packetsLost");
      jbDelay += delta(b, a, "jitterBufferDelay");
      jbEmitted += delta(b, a, "jitterBufferEmittedCount");
    }
    double concealedPct = samples == 0 ? 0 : 100.0 * concealed / samples;
    double jitterBufferMs = jbEmitted == 0 ? -1 : 1000.0 * jbDelay / jbEmitted;

    long framesIn = (long) BenchHttp.number(status, "framesIn", 0);
    long inputDropped = (long) BenchHttp.number(status, "inputDropped", 0);
    long clockTicks = (long) BenchHttp.number(status, "clockTicks", 0);
    long lateTicks = (long) BenchHttp.number(status, "lateTicks", 0);
    // framesIn counts 20 ms handler frames: 50 per second per connection at full rate.
    double serverInputPct = live == 0 ? 0 : 100.0 * framesIn / (live * 50.0 * seconds);

    // Frames the client played (its playout pulls 10 ms per peer, nominally 100/s) and, of those,
    // frames without the full tone: silence where the server had nothing to send, concealment.
    double expected = measured.size() * 100.0 * seconds;
    double gapPct = frames == 0 ? 100 : 100.0 * Math.max(0, frames - good) / frames;
    double latePct = clockTicks == 0 ? 0 : 100.0 * lateTicks / clockTicks;
    double dropPct =
        framesIn + inputDropped == 0 ? 0 : 100.0 * inputDropped / (framesIn + inputDropped);
    double lostOrLate = Math.min(100, Math.max(gapPct, concealedPct) + latePct + dropPct);
    double missVs100 = expected == 0 ? 100 : 100.0 * Math.max(0, expected - good) / expected;

    printThreads("server", serverThreads0, serverThreads1, seconds, 8);
    printThreads("client", clientThreads0, clientThreads1, seconds, 4);
    String note = problems.isEmpty() ? "" : problems.size() + " peer(s) failed: " + problems.get(0);
    return new Row(
        n,
        live,
        setupP50,
        setupMax,
        seconds,
        serverCpuPct,
        clientCpuPct,
        machineBusyPct,
        rss,
        rssBefore,
        threads,
        serverInputPct,
        inputDropped,
        lateTicks,
        clockTicks,
        BenchHttp.number(status, "latencyP50Ms", -1),
        BenchHttp.number(status, "latencyP99Ms", -1),
        measured.isEmpty() ? 0 : frames / (measured.size() * seconds),
        gapPct,
        concealedPct,
        jitterBufferMs,
        lost,
        latePct,
        missVs100,
        lostOrLate,
        pacerLateDelta,
        note);
  }

  /**
   * Every peer's inbound-rtp stats, or empty maps for peers that do not answer within 20 s in all:
   * {@code getStats} blocks on libwebrtc's signalling thread, which an overloaded client may not
   * serve for minutes, so it runs on a helper thread and the step goes on without it.
   */
  private List<Map<String, Object>> stats(List<BenchPeer> list) {
    List<CompletableFuture<Map<String, Object>>> futures = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      futures.add(new CompletableFuture<>());
    }
    Thread asker =
        new Thread(
            () -> {
              for (int i = 0; i < list.size(); i++) {
                list.get(i).inboundStats().thenAccept(futures.get(i)::complete);
              }
            },
            "bench-stats");
    asker.setDaemon(true);
    asker.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    List<Map<String, Object>> out = new ArrayList<>();
    int missing = 0;
    for (CompletableFuture<Map<String, Object>> f : futures) {
      long left = Math.max(1, deadline - System.nanoTime());
      try {
        out.add(f.get(left, TimeUnit.NANOSECONDS));
      } catch (Exception e) {
        out.add(Map.of());
        missing++;
      }
    }
    if (missing > 0) {
      System.out.printf("  (no inbound-rtp stats from %d peers within 20 s)%n", missing);
    }
    return out;
  }

  private static double delta(Map<String, Object> before, Map<String, Object> after, String key) {
    Object a = after.get(key);
    Object b = before.get(key);
    if (!(a instanceof Number na)) {
      return 0;
    }
    double vb = b instanceof Number nb ? nb.doubleValue() : 0;
    return Math.max(0, na.doubleValue() - vb);
  }

  private void printThreads(
      String who, Map<String, Long> before, Map<String, Long> after, double seconds, int top) {
    StringBuilder line = new StringBuilder("  " + who + " CPU by thread (% of one core):");
    after.entrySet().stream()
        .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
        .filter(e -> e.getValue() > 0)
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(top)
        .forEach(
            e ->
                line.append(
                    String.format(
                        " %s %.1f;", e.getKey(), 100.0 * e.getValue() / clkTck / seconds)));
    System.out.println(line);
  }

  // ---- output ----

  private static final String HEADER =
      String.format(
          "%5s %4s %6s %6s | %7s %5s %7s %7s | %6s %6s %5s | %5s %4s %5s %5s %5s | %6s %5s %5s %5s %4s %6s | %9s",
          "N",
          "live",
          "setup",
          "setupM",
          "srvCPU%",
          "/conn",
          "cliCPU%",
          "other%",
          "RSS MB",
          "dRSS/c",
          "thr",
          "in%",
          "drop",
          "late%",
          "p50ms",
          "p99ms",
          "echo/s",
          "gap%",
          "conc%",
          "jbMs",
          "lost",
          "miss%",
          "lost/late%");

  private static String format(Row r) {
    return String.format(
        "%5d %4d %6.0f %6.0f | %7.1f %5.2f %7.1f %7.1f | %6.1f %6s %5d | %5.1f %4d %5.2f %5.1f %5.1f"
            + " | %6.1f %5.2f %5.2f %5.0f %4d %6.2f | %9.2f",
        r.requested(),
        r.connected(),
        r.setupP50Ms(),
        r.setupMaxMs(),
        r.serverCpuPct(),
        r.connected() == 0 ? 0 : r.serverCpuPct() / r.connected(),
        r.clientCpuPct(),
        Math.max(0, r.machineBusyPct() - r.serverCpuPct() - r.clientCpuPct()),
        r.rssKb() / 1024.0,
        r.connected() == 0
            ? "-"
            : String.format("%.2f", (r.rssKb() - r.rssBeforeKb()) / 1024.0 / r.connected()),
        r.threads(),
        r.serverInputPct(),
        r.inputDropped(),
        r.latePct(),
        r.p50(),
        r.p99(),
        r.echoPerPeerPerSecond(),
        r.gapPct(),
        r.concealedPct(),
        r.jitterBufferMs(),
        r.packetsLost(),
        r.missVs100Pct(),
        r.lostOrLatePct());
  }

  private void printRow(Row r) {
    System.out.println(HEADER);
    System.out.println(format(r));
    System.out.printf(
        "  (window %.1f s, server clock ticks %d, client pacer late ticks %d)%n%n",
        r.seconds(), r.clockTicks(), r.pacerLate());
  }

  private void printTable(long rssBefore) {
    System.out.println("Echo benchmark results");
    System.out.printf("server RSS before any peer: %.1f MB%n", rssBefore / 1024.0);
    System.out.println(HEADER);
    for (Row r : rows) {
      System.out.println(format(r));
    }
    System.out.println(
        String.join(
            "\n",
            "  live: peers connected during the window; setup/setupM: p50/max ms from creating a",
            "    peer to connected + data channel open (the new peers of that step)",
            "  srvCPU%: server process CPU (utime+stime, /proc/<pid>/stat) in % of ONE core; /conn:",
            "    per live connection; cliCPU%: this client process, on the same machine and",
            "    competing for the same cores; other%: CPU used by all other processes on the",
            "    machine during the window (from /proc/stat), % of one core",
            "  RSS MB: server VmRSS at the end of the window; dRSS/c: MB of growth per connection",
            "    since before any peer; thr: server threads",
            "  in%: server input rate, framesIn (20 ms frames) vs 50/s per connection; drop:",
            "    server inputDropped; late%: server clock lateTicks / clockTicks",
            "  p50ms/p99ms: server-side added latency, input frame received -> echo pushed (the",
            "    server's histogram ends at 1000 ms: 1000.5 means a second or more)",
            "  echo/s: frames per peer per second at the client sink (= client playout rate, 100",
            "    nominal); gap%: played frames not carrying the full tone in every 2.5 ms (silence",
            "    or concealment); conc%: client jitter-buffer concealed samples (inbound-rtp);",
            "    jbMs: client jitter-buffer delay (inbound-rtp); lost: RTP packets lost (echo)",
            "    miss%: frames with the full tone missing vs a nominal 100/s per peer (includes the",
            "    client's own playout shortfall)",
            "  lost/late% = max(gap%, conc%) + late% + dropped input %; collapse when above the limit"));
  }
}
