package io.fastrtc.jakarta.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import io.fastrtc.jakarta.testing.Audio;
import io.fastrtc.jakarta.testing.Await;
import io.fastrtc.jakarta.testing.SocketClient;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The telephone transport on the real server: Twilio's webhook answered with TwiML, and scripted
 * Twilio Media Streams calls (connected, start, media..., mark, stop) on the URL the TwiML names.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TelephoneIT {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Pattern STREAM_URL = Pattern.compile("<Stream url=\"([^\"]+)\" />");
  private static final Duration WAIT = Duration.ofSeconds(10);

  @ArquillianResource URL base;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ItSupport.warWithTestStreams();
  }

  private HttpResponse<String> webhook(String path, String... headers) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(ItSupport.root(base) + path))
            .timeout(WAIT)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "CallSid=CAit&From=%2B15550100&To=%2B15550199"));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI handlerUrl(String path) throws Exception {
    HttpResponse<String> twiml = webhook(path);
    assertThat(twiml.statusCode()).isEqualTo(200);
    Matcher m = STREAM_URL.matcher(twiml.body());
    assertThat(m.find()).as(twiml.body()).isTrue();
    return URI.create(m.group(1));
  }

  @Test
  void theWebhookAnswersTwimlWithThePublicUrlItWasToldAndNeverGuesses() throws Exception {
    HttpResponse<String> direct = webhook("/telephone/incoming");
    assertThat(direct.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/xml"));
    String host = base.getHost() + ":" + base.getPort();
    assertThat(direct.body())
        .isEqualTo(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Say>Connecting to the AI"
                + " assistant.</Say><Connect><Stream url=\"ws://"
                + host
                + "/telephone/handler\" /></Connect><Say>The call has been"
                + " disconnected.</Say></Response>");

    assertThat(
            webhook(
                    "/streams/barge-in/telephone/incoming",
                    "X-Forwarded-Proto",
                    "https",
                    "X-Forwarded-Host",
                    "voice.example.com")
                .body())
        .contains("<Stream url=\"wss://voice.example.com/streams/barge-in/telephone/handler\" />");
    assertThat(
            webhook("/telephone/incoming", "Forwarded", "proto=https;host=phone.example.org")
                .body())
        .contains("<Stream url=\"wss://phone.example.org/telephone/handler\" />");

    HttpResponse<String> proxied = webhook("/telephone/incoming", "Via", "1.1 lb");
    assertThat(proxied.statusCode()).isEqualTo(500);
    assertThat(proxied.body()).contains("fastrtc.telephone.public-url");
    assertThat(webhook("/streams/nope/telephone/incoming").statusCode()).isEqualTo(404);
  }

  @Test
  void aScriptedCallIsEchoedAt8kHzWithTheStreamSidThenMarkedAndStopped() throws Exception {
    URI handler = handlerUrl("/telephone/incoming");
    try (TwilioCall call = new TwilioCall(handler, "MZ00000000000000000000000000000001");
        PacedSignal caller = call.microphone()) {
      call.connected();
      call.start("{\"topic\":\"echo\"}");
      caller.tone(440, 0.4);
      long talking = caller.changedNanos();
      SocketClient.Frame first = call.client.awaitNext(AudioSocket::isMedia, WAIT);
      Await.until(() -> call.receivedSeconds() >= 1.5, WAIT, call.client::summary);
      // The caller stops sending: the echo runs dry, the burst ends and the server sends a mark.
      caller.close();
      long quiet = System.nanoTime();

      List<String> media = call.media();
      List<SocketClient.Frame> frames =
          call.client.frames().stream().filter(f -> AudioSocket.isMedia(f.text())).toList();
      long largestGap = 0;
      for (int i = 1; i < frames.size(); i++) {
        largestGap = Math.max(largestGap, frames.get(i).nanos() - frames.get(i - 1).nanos());
      }
      assertThat(media)
          .allSatisfy(
              m -> {
                JsonObject json = AudioSocket.json(m);
                assertThat(json.getString("streamSid")).isEqualTo(call.streamSid);
                assertThat(json.keySet()).containsExactlyInAnyOrder("event", "streamSid", "media");
              });
      assertThat(AudioSocket.payload(media.get(1))).as("20 ms of 8 kHz µ-law").hasSize(160);
      short[] last = call.lastReceived(1.0);
      double hz = Audio.dominantFrequency(last, TwilioCall.RATE);
      assertThat(hz).isCloseTo(440, offset(5.0));
      assertThat(Audio.rms(last)).isGreaterThan(5000);

      // A loaded machine may also starve the echo for 100 ms mid-call, which rightly ends a burst.
      SocketClient.Frame[] found = new SocketClient.Frame[1];
      Await.until(
          () -> {
            for (SocketClient.Frame f : call.client.frames()) {
              if (f.nanos() > quiet && f.text().contains("\"event\":\"mark\"")) {
                found[0] = f;
                return true;
              }
            }
            return false;
          },
          WAIT,
          call.client::summary);
      SocketClient.Frame markFrame = found[0];
      String mark = markFrame.text();
      JsonObject markJson = AudioSocket.json(mark);
      assertThat(markJson.getString("streamSid")).isEqualTo(call.streamSid);
      call.markPlayed(markJson.getJsonObject("mark").getString("name"));
      assertThat(ItSupport.activeConnections(base, "echo")).isEqualTo(1);

      call.stop();
      assertThat(call.client.awaitClosed(WAIT).code()).isEqualTo(1000);
      System.out.printf(
          "phone echo: %.1f Hz at RMS %.0f over 8 kHz µ-law; first audio %.0f ms after the"
              + " caller spoke; %d media messages, largest gap %.0f ms; mark %.0f ms after the"
              + " caller went quiet: %s%n",
          hz,
          Audio.rms(last),
          (first.nanos() - talking) / 1e6,
          media.size(),
          largestGap / 1e6,
          (markFrame.nanos() - quiet) / 1e6,
          mark);
    }
    Await.until(() -> ItSupport.activeConnections(base, "echo") == 0, WAIT, () -> "freed");
  }

  @Test
  void bargeInSendsClearSoThePhoneStopsPlaying() throws Exception {
    URI handler = handlerUrl("/streams/barge-in/telephone/incoming");
    try (TwilioCall call = new TwilioCall(handler, "MZ00000000000000000000000000000002");
        PacedSignal caller = call.microphone()) {
      call.connected();
      call.start("{}");
      Await.until(() -> call.receivedSeconds() >= 0.6, WAIT, call.client::summary);
      assertThat(Audio.dominantFrequency(call.lastReceived(0.5), TwilioCall.RATE))
          .as("the greeting, resampled from 24 kHz to 8 kHz")
          .isCloseTo(523.25, offset(5.0));

      caller.tone(300, 0.4);
      long talking = caller.changedNanos();
      SocketClient.Frame clear =
          call.client.awaitNext(m -> m.startsWith("{\"event\":\"clear\""), WAIT);
      assertThat(clear.text())
          .isEqualTo("{\"event\":\"clear\",\"streamSid\":\"" + call.streamSid + "\"}");
      int mediaAtClear = call.media().size();
      Thread.sleep(500);
      assertThat(call.media().size()).isLessThanOrEqualTo(mediaAtClear + 1);
      System.out.printf(
          "phone barge-in: clear %.0f ms after the caller started talking%n",
          (clear.nanos() - talking) / 1e6);
      call.stop();
      call.client.awaitClosed(WAIT);
    }
  }

  @Test
  void customParametersBecomeTheCallsInputs() throws Exception {
    URI handler = handlerUrl("/streams/tone/telephone/incoming");
    try (TwilioCall call = new TwilioCall(handler, "MZ00000000000000000000000000000005")) {
      call.connected();
      call.start("{\"frequency\":\"440\",\"gain\":\"0.4\"}");
      Await.until(() -> call.receivedSeconds() >= 0.6, WAIT, call.client::summary);
      assertThat(Audio.dominantFrequency(call.lastReceived(0.5), TwilioCall.RATE))
          .as("the tone stream plays 660 Hz unless its frequency input says otherwise")
          .isCloseTo(440, offset(5.0));
      call.stop();
      call.client.awaitClosed(WAIT);
    }
  }

  @Test
  void callsCountAgainstTheLimitAndStopCallsShutdown() throws Exception {
    int before = ItSupport.probe(base, "limited").getInt("shutdowns");
    URI handler = handlerUrl("/streams/limited/telephone/incoming");
    try (TwilioCall call = new TwilioCall(handler, "MZ00000000000000000000000000000003")) {
      call.connected();
      call.start("{}");
      Await.until(
          () -> ItSupport.activeConnections(base, "limited") == 1, WAIT, () -> "call admitted");

      HttpResponse<String> busy = webhook("/streams/limited/telephone/incoming");
      assertThat(busy.body()).contains("All lines are busy").contains("<Hangup/>");
      try (TwilioCall second = new TwilioCall(handler, "MZ00000000000000000000000000000004")) {
        second.connected();
        second.start("{}");
        assertThat(second.client.awaitClosed(WAIT).code()).isEqualTo(1013);
      }
      try (AudioSocket socket = AudioSocket.open(base, "streams/limited/websocket/offer", 24_000)) {
        socket.start("ws-vs-phone");
        assertThat(socket.client.awaitNext(m -> true, WAIT).text())
            .contains("concurrency_limit_reached");
      }
      call.stop();
      call.client.awaitClosed(WAIT);
    }
    Await.until(() -> ItSupport.activeConnections(base, "limited") == 0, WAIT, () -> "freed");
    Await.until(
        () -> {
          try {
            return ItSupport.probe(base, "limited").getInt("shutdowns") == before + 1;
          } catch (Exception e) {
            throw new AssertionError(e);
          }
        },
        WAIT,
        () -> "shutdown called");
  }
}
