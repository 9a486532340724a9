package io.fastrtc.jakarta.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.fastrtc.jakarta.it.streams.LimitedStream;
import io.fastrtc.jakarta.testing.Audio;
import io.fastrtc.jakarta.testing.ClientPeer;
import io.fastrtc.jakarta.testing.SseReader;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** Shared pieces of the integration tests: the deployment, URLs and audio checks. */
final class ItSupport {
  static final Duration CONNECT = Duration.ofSeconds(15);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private ItSupport() {}

  /** The real WAR, plus the test streams and their probe route. */
  static WebArchive warWithTestStreams() {
    return ShrinkWrap.createFromZipFile(WebArchive.class, Path.of("target", "fastrtc.war").toFile())
        .addPackage(LimitedStream.class.getPackage());
  }

  /** The base URL of a named stream, e.g. {@code http://host:port/ctx/streams/echo}. */
  static String stream(URL base, String name) {
    return root(base) + "/streams/" + name;
  }

  /** The application root without a trailing slash. */
  static String root(URL base) {
    String s = base.toExternalForm();
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }

  static JsonObject getJson(String url) throws Exception {
    return Json.createReader(new StringReader(get(url))).readObject();
  }

  /** Live connections of a stream, from {@code GET /api/streams}. */
  static int activeConnections(URL base, String name) {
    try {
      return Json.createReader(new StringReader(get(root(base) + "/api/streams")))
          .readArray()
          .getValuesAs(JsonObject.class)
          .stream()
          .filter(s -> s.getString("name").equals(name))
          .findFirst()
          .orElseThrow()
          .getInt("activeConnections");
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static String get(String url) throws Exception {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as("GET %s: %s", url, r.body()).isEqualTo(200);
    return r.body();
  }

  /** POSTs {@code json} to {@code url} ({@code Content-Type: application/json}, 10 s timeout). */
  static HttpResponse<String> postJson(String url, String json) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Lifecycle counters of a test stream. */
  static JsonObject probe(URL base, String stream) throws Exception {
    return getJson(root(base) + "/api/it-probe/" + stream);
  }

  /** Connects a client that sends a tone and returns it once media flows. */
  static ClientPeer connectedToneClient(String streamUrl, double hz) {
    ClientPeer peer = ClientPeer.builder(streamUrl).build();
    try {
      assertThat(peer.connect().isAnswer()).isTrue();
      peer.awaitConnected(CONNECT);
      peer.startTone(hz, 0.3);
      return peer;
    } catch (RuntimeException | Error e) {
      peer.close();
      throw e;
    }
  }

  /**
   * Runs a client main class in a fresh JVM and returns the first output line starting with {@code
   * prefix}. The client then closes its connection and exits by itself (up to 10 s; killed after
   * that): a client killed with its connection open would leave it to the server's ICE timeout, and
   * the undeploy after the test class would wait out the 10 s stop drain for it.
   */
  static String runClient(Class<?> main, String url, String prefix) throws Exception {
    String cp =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p =
        new ProcessBuilder(javaBin, "-cp", cp, main.getName(), url)
            .redirectErrorStream(true)
            .start();
    try (var out =
        new java.io.BufferedReader(
            new java.io.InputStreamReader(
                p.getInputStream(), java.nio.charset.StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (line.startsWith(prefix) || line.startsWith("FAILED")) {
          assertThat(line).startsWith(prefix);
          return line;
        }
      }
      throw new AssertionError(main.getSimpleName() + " ended without a " + prefix + " line");
    } finally {
      if (!p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
      }
    }
  }

  /** Waits (up to 20 s) until the last 300 ms of received audio is dominated by {@code hz}. */
  static void awaitFrequency(ClientPeer peer, double hz) {
    io.fastrtc.jakarta.testing.Await.until(
        () -> Math.abs(recentFrequency(peer) - hz) < 10,
        Duration.ofSeconds(20),
        () -> "dominant frequency " + hz + " Hz; now " + recentFrequency(peer));
  }

  /** The dominant frequency of the last 300 ms received, or NaN before there is enough audio. */
  private static double recentFrequency(ClientPeer peer) {
    short[] recent = peer.receivedAudio(Duration.ofMillis(300));
    if (recent.length < 4096 || Audio.rms(recent) < 100) {
      return Double.NaN;
    }
    return Audio.dominantFrequency(recent, peer.receivedSampleRate());
  }

  /**
   * Asserts outputs of the test stream {@code counter} for connection {@code id}: consecutive event
   * ids, each event's data the counter's {@code ["<id>:<n>"]} with n its event id.
   */
  static void assertConsecutive(List<SseReader.Event> events, String id) {
    long firstId = Long.parseLong(events.get(0).id());
    for (int i = 0; i < events.size(); i++) {
      SseReader.Event e = events.get(i);
      assertThat(e.id()).isEqualTo(Long.toString(firstId + i));
      assertThat(e.data()).isEqualTo("[\"" + id + ":" + (firstId + i) + "\"]");
    }
  }

  /** Asserts the last second received carries {@code hz} at a clearly audible level. */
  static void assertHears(ClientPeer peer, double hz) {
    peer.audioCapture();
    io.fastrtc.jakarta.testing.Await.until(
        () -> Audio.rms(peer.receivedAudio(Duration.ofMillis(500))) > 1000,
        Duration.ofSeconds(10),
        () -> "audible audio; level " + Audio.rms(peer.receivedAudio(Duration.ofMillis(500))));
    // Let a full second of steady audio arrive: the first moments after connecting carry the
    // jitter buffer's start-up adjustments.
    try {
      Thread.sleep(1200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
    short[] last = peer.receivedAudio(Duration.ofSeconds(1));
    double f = Audio.dominantFrequency(last, peer.receivedSampleRate());
    assertThat(f).as("dominant frequency").isCloseTo(hz, org.assertj.core.data.Offset.offset(10.0));
    assertThat(Audio.rms(last)).as("level").isGreaterThan(1000);
    System.out.printf("heard %.1f Hz at RMS %.0f%n", f, Audio.rms(last));
  }
}
