package io.fastrtc.jakarta.bench;

import io.fastrtc.jakarta.testing.ClientPeer;
import io.fastrtc.jakarta.testing.MediaDirection;
import io.fastrtc.jakarta.testing.OfferResult;
import io.fastrtc.jakarta.testing.VideoCapture;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Video echo under load: N webrtc-java clients each send 640x480 at 30 fps to the {@code
 * video-echo} stream of a running server and receive it back. Prints, per N: server CPU per stream
 * (from the server's {@code /api/status} process CPU time), delivered frames per second per stream,
 * the latency the server adds per frame (decoded frame in to processed frame handed to the encoder,
 * from the server's histogram) and the client's full round trip (frame codes stamped in the
 * picture: encode, network, server, encode, decode).
 *
 * <p>Start a server ({@code mvn liberty:run}), build the class path once, then run:
 *
 * <pre>
 * mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp
 * java -cp target/test-classes:target/classes:$(cat target/bench.cp) \
 *     io.fastrtc.jakarta.bench.VideoEchoBenchmark http://localhost:9080/ 1,4,8 20 moving
 * </pre>
 *
 * Arguments: base URL, stream counts, seconds measured per count (after 6 s of warm-up), and the
 * picture: {@code moving} (default; the textured test pattern pans 4 pixels a frame, so the
 * encoders work as with a camera) or {@code still} (only the frame-code strip changes, which VP8
 * encodes almost for free). Server CPU per stream is what the server process used above its idle
 * use (measured first, 10 s without connections), divided by the streams. The clients run in this
 * JVM on the same machine, so they compete with the server for CPU; the machine line says how busy
 * it was.
 */
public final class VideoEchoBenchmark {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final int WIDTH = 640;
  private static final int HEIGHT = 480;
  private static final int FPS = 30;
  private static final Duration WARM_UP = Duration.ofSeconds(6);

  private final String root;
  private final Duration measure;
  private final boolean moving;
  private double idleCores;

  private VideoEchoBenchmark(String root, Duration measure, boolean moving) {
    this.root = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
    this.measure = measure;
    this.moving = moving;
  }

  /** Runs the benchmark; see the class comment for the arguments. */
  public static void main(String[] args) throws Exception {
    String base = args.length > 0 ? args[0] : "http://localhost:9080/";
    int[] counts =
        Arrays.stream((args.length > 1 ? args[1] : "1,4,8").split(","))
            .mapToInt(Integer::parseInt)
            .toArray();
    Duration measure = Duration.ofSeconds(args.length > 2 ? Long.parseLong(args[2]) : 20);
    boolean moving = args.length <= 3 || !args[3].equals("still");
    VideoEchoBenchmark bench = new VideoEchoBenchmark(base, measure, moving);
    System.out.println(machine("before"));
    bench.measureIdle();
    List<String> rows = new ArrayList<>();
    for (int n : counts) {
      rows.add(bench.run(n));
    }
    System.out.println();
    System.out.printf(
        "video echo, %dx%d at %d fps sent per stream (%s picture), %d s measured per row;"
            + " idle server %.1f %% of a core%n",
        WIDTH,
        HEIGHT,
        FPS,
        moving ? "panning textured" : "still",
        measure.toSeconds(),
        100 * bench.idleCores);
    System.out.println(
        "| streams | server CPU per stream | delivered fps per stream (mean / min) "
            + "| added latency per frame p50 / p99 | client round trip p50 / p95 "
            + "| resolution back |");
    System.out.println("|---|---|---|---|---|---|");
    rows.forEach(System.out::println);
    System.out.println(machine("after"));
    System.exit(0);
  }

  /** The server's CPU use without connections (audio clock, Liberty), over ten seconds. */
  private void measureIdle() throws Exception {
    awaitNoConnections();
    JsonObject before = status();
    long start = System.nanoTime();
    Thread.sleep(10_000);
    JsonObject after = status();
    idleCores = cpuCores(before, after, (System.nanoTime() - start) / 1e9);
  }

  private static double cpuCores(JsonObject before, JsonObject after, double seconds) {
    return (after.getJsonNumber("processCpuMillis").longValue()
            - before.getJsonNumber("processCpuMillis").longValue())
        / 1000.0
        / seconds;
  }

  private String run(int n) throws Exception {
    awaitNoConnections();
    List<ClientPeer> peers = new ArrayList<>();
    try {
      for (int i = 0; i < n; i++) {
        ClientPeer peer =
            ClientPeer.builder(root + "/streams/video-echo")
                .direction(MediaDirection.NONE)
                .video(MediaDirection.SEND_RECEIVE)
                .videoSize(WIDTH, HEIGHT, FPS)
                .videoMotion(moving)
                .receiveBuffer(Duration.ofSeconds(1))
                .build();
        peers.add(peer);
        OfferResult answer = peer.connect();
        if (!answer.isAnswer()) {
          throw new IllegalStateException("offer refused: " + answer.body());
        }
      }
      for (ClientPeer peer : peers) {
        peer.awaitConnected(Duration.ofSeconds(20));
      }
      Thread.sleep(WARM_UP.toMillis());
      post("/api/status/reset");
      JsonObject before = status();
      long[] framesBefore = peers.stream().mapToLong(p -> p.videoCapture().frames()).toArray();
      long start = System.nanoTime();
      Thread.sleep(measure.toMillis());
      long end = System.nanoTime();
      JsonObject after = status();
      double seconds = (end - start) / 1e9;

      double cpuCores = cpuCores(before, after, seconds) - idleCores;
      double[] fps = new double[n];
      List<Double> roundTrips = new ArrayList<>();
      Map<String, Integer> sizes = new TreeMap<>();
      for (int i = 0; i < n; i++) {
        ClientPeer peer = peers.get(i);
        fps[i] = (peer.videoCapture().frames() - framesBefore[i]) / seconds;
        for (VideoCapture.Arrival a : peer.videoCapture().arrivals()) {
          long sent = peer.videoSource().sentNanos(a.code());
          if (a.nanos() >= start && a.nanos() <= end && sent > 0 && a.nanos() > sent) {
            roundTrips.add((a.nanos() - sent) / 1e6);
            sizes.merge(a.width() + "x" + a.height(), 1, Integer::sum);
          }
        }
      }
      double meanFps = Arrays.stream(fps).average().orElse(0);
      double minFps = Arrays.stream(fps).min().orElse(0);
      String row =
          String.format(
              "| %d | %.0f %% of a core | %.1f / %.1f | %.1f / %.1f ms | %.0f / %.0f ms | %s |",
              n,
              100 * cpuCores / n,
              meanFps,
              minFps,
              after.getJsonNumber("videoLatencyP50Ms").doubleValue(),
              after.getJsonNumber("videoLatencyP99Ms").doubleValue(),
              percentile(roundTrips, 50),
              percentile(roundTrips, 95),
              sizes);
      System.out.println(row + "   (server " + after + ")");
      return row;
    } finally {
      peers.forEach(ClientPeer::close);
    }
  }

  private static double percentile(List<Double> values, double p) {
    if (values.isEmpty()) {
      return -1;
    }
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1)];
  }

  private void awaitNoConnections() throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (status().getInt("connections") > 0) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the server still has connections: " + status());
      }
      Thread.sleep(200);
    }
  }

  private JsonObject status() throws IOException, InterruptedException {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(root + "/api/status")).build(),
            HttpResponse.BodyHandlers.ofString());
    return Json.createReader(new StringReader(r.body())).readObject();
  }

  private void post(String path) throws IOException, InterruptedException {
    HTTP.send(
        HttpRequest.newBuilder(URI.create(root + path))
            .POST(HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** CPU model, core count and load average, from /proc when there is one. */
  private static String machine(String when) {
    String model = "unknown CPU";
    String load = "n/a";
    try {
      model =
          Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
              .filter(l -> l.startsWith("model name"))
              .map(l -> l.substring(l.indexOf(':') + 1).trim())
              .findFirst()
              .orElse(model);
      load = Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException e) {
      // not Linux: leave the defaults
    }
    return String.format(
        "machine (%s): %s, %d cores visible to the JVM, load average %s, %s %s",
        when,
        model,
        Runtime.getRuntime().availableProcessors(),
        load,
        System.getProperty("java.vm.name"),
        System.getProperty("java.version"));
  }
}
