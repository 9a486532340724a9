package io.fastrtc.jakarta.it;

import static io.fastrtc.jakarta.it.ItSupport.assertConsecutive;
import static io.fastrtc.jakarta.it.ItSupport.assertHears;
import static io.fastrtc.jakarta.it.ItSupport.awaitFrequency;
import static io.fastrtc.jakarta.it.ItSupport.root;
import static io.fastrtc.jakarta.it.ItSupport.stream;
import static org.assertj.core.api.Assertions.assertThat;

import io.fastrtc.jakarta.it.iostreams.AskingStream;
import io.fastrtc.jakarta.it.iostreams.BurstStream;
import io.fastrtc.jakarta.testing.Audio;
import io.fastrtc.jakarta.testing.ClientPeer;
import io.fastrtc.jakarta.testing.Deployments;
import io.fastrtc.jakarta.testing.MediaDirection;
import io.fastrtc.jakarta.testing.SseReader;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.assertj.core.data.Offset;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Additional inputs and outputs through the real routes: {@code POST /input_hook} changes a live
 * stream (measured on the returned audio), refuses invalid values, {@code send_input} round trips,
 * and {@code GET /outputs} (SSE) delivers in order, to several subscribers, per connection, and
 * ends when the connection closes.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class InputsOutputsIT {
  private static final Duration WAIT = Duration.ofSeconds(15);

  @ArquillianResource URL base;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war().addPackage(AskingStream.class.getPackage());
  }

  @Test
  void aFrequencyInputChangesTheLiveToneAndInvalidInputsChangeNothing() throws Exception {
    try (ClientPeer peer = toneClient()) {
      assertHears(peer, 660);

      long posted = System.nanoTime();
      HttpResponse<String> ok = post("input_hook", hook(peer, "\"frequency\": 880"));
      assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
      assertThat(json(ok.body()).getJsonObject("inputs").getInt("frequency")).isEqualTo(880);
      awaitFrequency(peer, 880);
      System.out.printf(
          "tone input 660 -> 880 Hz heard %d ms after the POST%n",
          (System.nanoTime() - posted) / 1_000_000);
      double level = Audio.rms(peer.receivedAudio(Duration.ofMillis(500)));

      HttpResponse<String> bad =
          post("streams/tone/input_hook", hook(peer, "\"frequency\": 5000, \"gain\": \"loud\""));
      assertThat(bad.statusCode()).isEqualTo(400);
      JsonObject meta = json(bad.body()).getJsonObject("meta");
      assertThat(meta.getString("error")).isEqualTo("invalid_inputs");
      assertThat(meta.getJsonArray("errors").getValuesAs(JsonObject.class))
          .extracting(e -> e.getString("field") + ": " + e.getString("message"))
          .containsExactly(
              "frequency: must be less than or equal to 2000", "gain: must be a number");

      assertHears(peer, 880);
      assertThat(Audio.rms(peer.receivedAudio(Duration.ofMillis(500))))
          .as("level after the refused gain")
          .isCloseTo(level, Offset.offset(level * 0.2));
    }
  }

  @Test
  void unknownIdsAndOtherStreamsGetAClearError() throws Exception {
    HttpResponse<String> unknown = post("input_hook", "{\"webrtc_id\":\"nobody\",\"gain\":0.5}");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(json(unknown.body()).getJsonObject("meta").getString("error"))
        .isEqualTo("unknown_connection");
    assertThat(post("input_hook", "{\"gain\":0.5}").statusCode()).isEqualTo(400);
    assertThat(post("input_hook", "not json").statusCode()).isEqualTo(400);
    try (SseReader nobody = SseReader.open(url("outputs?webrtc_id=nobody"), null)) {
      assertThat(nobody.status()).isEqualTo(404);
      assertThat(nobody.errorBody()).contains("unknown_connection");
    }
    try (ClientPeer peer = toneClient()) {
      HttpResponse<String> wrongStream =
          post("streams/echo/input_hook", hook(peer, "\"frequency\": 440"));
      assertThat(wrongStream.statusCode()).isEqualTo(404);
    }
  }

  @Test
  void sendInputThenAPostLetsTheWaitingHandlerContinue() throws Exception {
    try (ClientPeer peer = ClientPeer.builder(stream(base, "asking")).build()) {
      assertThat(peer.connect().isAnswer()).isTrue();
      peer.awaitConnected(ItSupport.CONNECT);
      peer.awaitMessage(m -> m.equals("{\"type\":\"send_input\",\"data\":[]}"), WAIT);
      HttpResponse<String> r = post("input_hook", hook(peer, "\"word\": \"hello\""));
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      assertThat(peer.awaitMessage(m -> m.contains("inputs:"), WAIT))
          .isEqualTo("{\"type\":\"log\",\"data\":\"inputs: hello\"}");
    }
  }

  @Test
  void sendInputTimesOutWhenNobodyAnswers() {
    try (ClientPeer peer = ClientPeer.builder(stream(base, "asking")).build()) {
      assertThat(peer.connect().isAnswer()).isTrue();
      peer.awaitConnected(ItSupport.CONNECT);
      long start = System.nanoTime();
      peer.awaitMessage(m -> m.contains("send_input"), WAIT);
      assertThat(peer.awaitMessage(m -> m.contains("inputs:"), WAIT))
          .isEqualTo("{\"type\":\"log\",\"data\":\"inputs: timeout\"}");
      assertThat(Duration.ofNanos(System.nanoTime() - start))
          .isGreaterThanOrEqualTo(AskingStream.WAIT.minusMillis(200));
    }
  }

  @Test
  void outputsReachSeveralSubscribersInOrderAndEndWhenTheClientLeaves() throws Exception {
    ClientPeer peer = ItSupport.connectedToneClient(stream(base, "counter"), 440);
    try (SseReader first = SseReader.open(url("outputs?webrtc_id=" + peer.webrtcId()), null);
        SseReader second =
            SseReader.open(url("streams/counter/outputs?webrtc_id=" + peer.webrtcId()), null)) {
      assertThat(first.status()).isEqualTo(200);
      assertThat(second.status()).isEqualTo(200);
      List<SseReader.Event> a = first.next("output", 100, WAIT);
      List<SseReader.Event> b = second.next("output", 100, WAIT);
      assertConsecutive(a, peer.webrtcId());
      assertConsecutive(b, peer.webrtcId());
      assertThat(peer.messages()).contains("{\"type\":\"fetch_output\",\"data\":[]}");

      long closed = System.nanoTime();
      peer.close();
      first.awaitEnd(WAIT);
      second.awaitEnd(WAIT);
      System.out.printf(
          "outputs: 2 x 100 in order; streams ended %d ms after the client closed%n",
          (System.nanoTime() - closed) / 1_000_000);
    } finally {
      peer.close();
    }
  }

  @Test
  void aFullBufferDropsTheOldestAndTellsTheSubscriber() throws Exception {
    try (ClientPeer peer =
        ClientPeer.builder(stream(base, "burst")).direction(MediaDirection.RECEIVE_ONLY).build()) {
      assertThat(peer.connect().isAnswer()).isTrue();
      peer.awaitConnected(ItSupport.CONNECT);
      Thread.sleep(1000); // the burst is over in a few ticks
      try (SseReader late = SseReader.open(url("outputs?webrtc_id=" + peer.webrtcId()), null)) {
        SseReader.Event overflow = late.next(WAIT);
        assertThat(overflow.name()).isEqualTo("overflow");
        assertThat(overflow.data()).isEqualTo("{\"missed\":" + (BurstStream.COUNT - 256) + "}");
        List<SseReader.Event> kept = late.next("output", 256, WAIT);
        assertThat(kept.get(0).id()).isEqualTo(Integer.toString(BurstStream.COUNT - 255));
        assertThat(kept.get(0).data()).isEqualTo("[" + (BurstStream.COUNT - 255) + "]");
        assertThat(kept.get(255).data()).isEqualTo("[" + BurstStream.COUNT + "]");
      }
      try (SseReader resumed = SseReader.open(url("outputs?webrtc_id=" + peer.webrtcId()), "298")) {
        assertThat(resumed.next("output", 2, WAIT))
            .extracting(SseReader.Event::id)
            .containsExactly("299", "300");
      }
    }
  }

  @Test
  void twoConnectionsNeverSeeEachOthersInputsOrOutputs() throws Exception {
    try (ClientPeer one = toneClient();
        ClientPeer two = toneClient()) {
      assertThat(post("input_hook", hook(one, "\"frequency\": 1000")).statusCode()).isEqualTo(200);
      awaitFrequency(one, 1000);
      assertHears(two, 660);
    }
    ClientPeer a = ItSupport.connectedToneClient(stream(base, "counter"), 440);
    ClientPeer b = ItSupport.connectedToneClient(stream(base, "counter"), 440);
    try (SseReader ra = SseReader.open(url("outputs?webrtc_id=" + a.webrtcId()), null);
        SseReader rb = SseReader.open(url("outputs?webrtc_id=" + b.webrtcId()), null)) {
      assertConsecutive(ra.next("output", 50, WAIT), a.webrtcId());
      assertConsecutive(rb.next("output", 50, WAIT), b.webrtcId());
    } finally {
      a.close();
      b.close();
    }
  }

  /**
   * A client of the receive-mode tone stream. It offers send-receive audio and sends silence (the
   * server ignores it in receive mode): a second receive-only webrtc-java client in one test JVM
   * was seen to get no audio at all, while send-receive clients always did.
   */
  private ClientPeer toneClient() {
    ClientPeer peer = ClientPeer.builder(stream(base, "tone")).build();
    try {
      assertThat(peer.connect().isAnswer()).isTrue();
      peer.awaitConnected(ItSupport.CONNECT);
      return peer;
    } catch (RuntimeException | Error e) {
      peer.close();
      throw e;
    }
  }

  private static String hook(ClientPeer peer, String fields) {
    return "{\"webrtc_id\": \"" + peer.webrtcId() + "\", " + fields + "}";
  }

  private URI url(String path) {
    return URI.create(root(base) + "/" + path);
  }

  private HttpResponse<String> post(String path, String body) throws Exception {
    return ItSupport.postJson(url(path).toString(), body);
  }

  private static JsonObject json(String body) {
    return Json.createReader(new StringReader(body)).readObject();
  }
}
