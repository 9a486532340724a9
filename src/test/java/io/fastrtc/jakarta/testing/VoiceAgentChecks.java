package io.fastrtc.jakarta.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The voice-agent checks a webrtc-java client makes against ReplyOnPause streams, shared by the
 * in-process native test and the Liberty IT: the client plays a sentence spoken by flite and
 * measures what comes back. Figures are printed, labelled with {@link #where}.
 */
public final class VoiceAgentChecks {
  private static final int RATE = 48_000;
  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final Duration CONNECT = Duration.ofSeconds(15);
  private static final String SENTENCE =
      "Please tell me what the weather will be like tomorrow morning";

  /** Where the checks run, for the printed figures: "Liberty" or "in-process". */
  public static volatile String where = "Liberty";

  private VoiceAgentChecks() {}

  private static ClientPeer connect(String url) {
    ClientPeer peer = ClientPeer.builder(url).build();
    try {
      assertThat(peer.connect().isAnswer()).isTrue();
      peer.awaitConnected(CONNECT);
      peer.audioCapture();
      return peer;
    } catch (RuntimeException | Error e) {
      peer.close();
      throw e;
    }
  }

  private static double level(ClientPeer peer, int millis) {
    return Audio.rms(peer.receivedAudio(Duration.ofMillis(millis)));
  }

  /** Polls every 2 ms until {@code condition}; returns the time it became true. */
  private static long when(BooleanSupplier condition, String what) {
    return when(condition, what, WAIT);
  }

  /**
   * Polls every 2 ms until {@code condition}, for at most {@code wait}.
   *
   * @return {@link System#nanoTime()} when it became true
   */
  public static long when(BooleanSupplier condition, String what, Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return System.nanoTime();
      }
      sleep(2);
    }
    throw new AssertionError("timed out waiting for " + what);
  }

  /** Sleeps, turning an interrupt into a test failure. */
  public static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static List<String> logsAfter(ClientPeer peer, int index) {
    List<String> all = peer.messages();
    return all.subList(index, all.size()).stream()
        .filter(m -> m.startsWith("{\"type\":\"log\""))
        .map(m -> m.replaceAll(".*\"data\":\"([^\"]*)\".*", "$1"))
        .filter(m -> !m.startsWith("Server received"))
        .toList();
  }

  /**
   * talk-back: events in order, the reply after the end of speech, nothing after playback_ended.
   */
  public static void replyAfterThePause(String talkBackUrl) {
    short[] speech = Speech.say(SENTENCE, RATE);
    try (ClientPeer peer = connect(talkBackUrl)) {
      peer.awaitMessage(m -> m.contains("playback_ended"), WAIT); // the greeting has played
      // the greeting's tail may still be in the jitter buffer
      when(() -> level(peer, 300) < 30, "quiet after the greeting");
      int before = peer.messages().size();

      long sent = System.nanoTime();
      peer.sendAudio(speech);
      long speechEnd = sent + Speech.end(speech, 300) * 1_000_000_000L / RATE;
      long reply = when(() -> level(peer, 20) > 300, "the reply's audio");
      long lastAudio = when(() -> level(peer, 200) < 30, "the reply to end");
      long ended = when(() -> logsAfter(peer, before).contains("playback_ended"), "playback_ended");
      sleep(300);
      assertThat(level(peer, 300)).as("no reply audio after playback_ended").isLessThan(30);

      assertThat(reply).as("the reply starts after the user stopped").isGreaterThan(speechEnd);
      assertThat(logsAfter(peer, before))
          .containsExactly(
              "started_talking", "pause_detected", "response_starting", "playback_ended");
      System.out.printf(
          "voice agent (%s, WebRTC, talk-back): first audible reply %.0f ms after the end of speech"
              + " (the reply starts with the utterance's own lead-in); playback_ended %.0f ms"
              + " after the last audible reply audio%n",
          where, (reply - speechEnd) / 1e6, (ended - lastAudio) / 1e6 + 200);
    }
  }

  /** barge-in: speech over the greeting's tone stops it (measured on the returned audio). */
  public static void bargeIn(String bargeInUrl) {
    short[] speech = Speech.say(SENTENCE, RATE);
    int onset = Speech.onset(speech, 300);
    try (ClientPeer peer = connect(bargeInUrl)) {
      when(() -> level(peer, 100) > 1000, "the greeting's tone");
      sleep(500);
      long sent = System.nanoTime();
      peer.sendAudio(speech);
      long speaking = sent + onset * 1_000_000_000L / RATE;
      long quiet = when(() -> level(peer, 20) < 100, "the reply to stop");
      peer.awaitMessage(m -> m.contains("\"interrupted\""), WAIT);
      sleep(500);
      assertThat(level(peer, 400)).as("the tone stays stopped").isLessThan(100);
      double latency = (quiet - speaking) / 1e6;
      assertThat(latency).as("stopped long before the 3 s tone's end").isLessThan(1500);
      System.out.printf(
          "voice agent (%s, WebRTC): barge-in stopped the reply audio %.0f ms after speech began%n",
          where, latency);
    }
  }

  /** polite (canInterrupt false): talking over the reply changes nothing. */
  public static void canInterruptOff(String politeUrl) {
    short[] speech = Speech.say(SENTENCE, RATE);
    try (ClientPeer peer = connect(politeUrl)) {
      sleep(300);
      int before = peer.messages().size();
      long sent = System.nanoTime();
      peer.sendAudio(speech);
      long speechEnd = sent + Speech.end(speech, 300) * 1_000_000_000L / RATE;
      long replying = when(() -> level(peer, 20) > 1000, "the reply's tone");
      peer.sendAudio(Speech.say("Stop stop stop", RATE)); // talking over the 2 s reply
      sleep(1000);
      assertThat(level(peer, 100)).as("the reply plays on").isGreaterThan(1000);
      long ended = when(() -> logsAfter(peer, before).contains("playback_ended"), "playback_ended");
      sleep(1500);
      assertThat(logsAfter(peer, before))
          .as("no barge-in and no new turn over the reply's tail")
          .containsExactly(
              "started_talking", "pause_detected", "response_starting", "playback_ended");
      System.out.printf(
          "voice agent (%s, WebRTC, polite): end of turn: reply tone %.0f ms after the end of speech"
              + " (pause 300 ms); can_interrupt=false: the 2 s reply played on, playback_ended"
              + " %.0f ms after it began%n",
          where, (replying - speechEnd) / 1e6, (ended - replying) / 1e6);
    }
  }
}
