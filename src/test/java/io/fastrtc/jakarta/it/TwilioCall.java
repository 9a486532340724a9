package io.fastrtc.jakarta.it;

import io.fastrtc.jakarta.testing.G711;
import io.fastrtc.jakarta.testing.SocketClient;
import java.net.URI;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scripted Twilio Media Streams client: the frames Twilio sends (connected, start with
 * customParameters, 20 ms inbound media at 8 kHz, mark echoes, dtmf, stop), shaped as in Twilio's
 * documentation.
 */
final class TwilioCall implements AutoCloseable {
  static final int RATE = 8000;

  final SocketClient client;
  final String streamSid;
  private final AtomicInteger sequence = new AtomicInteger();
  private final AtomicInteger chunk = new AtomicInteger();

  TwilioCall(URI handler, String streamSid) {
    this.client = SocketClient.connect(handler);
    this.streamSid = streamSid;
  }

  void connected() {
    client.send("{\"event\":\"connected\",\"protocol\":\"Call\",\"version\":\"1.0.0\"}");
  }

  void start(String customParameters) {
    client.send(
        "{\"event\":\"start\",\"sequenceNumber\":\""
            + sequence.incrementAndGet()
            + "\",\"start\":{\"accountSid\":\"ACit\",\"streamSid\":\""
            + streamSid
            + "\",\"callSid\":\"CAit\",\"tracks\":[\"inbound\"],\"mediaFormat\":{\"encoding\":"
            + "\"audio/x-mulaw\",\"sampleRate\":8000,\"channels\":1},\"customParameters\":"
            + customParameters
            + "},\"streamSid\":\""
            + streamSid
            + "\"}");
  }

  void sendAudio(short[] pcm) {
    int n = chunk.incrementAndGet();
    client.send(
        "{\"event\":\"media\",\"sequenceNumber\":\""
            + sequence.incrementAndGet()
            + "\",\"media\":{\"track\":\"inbound\",\"chunk\":\""
            + n
            + "\",\"timestamp\":\""
            + n * 20
            + "\",\"payload\":\""
            + Base64.getEncoder().encodeToString(G711.encode(pcm))
            + "\"},\"streamSid\":\""
            + streamSid
            + "\"}");
  }

  /** Twilio's echo of a mark the server sent, once the audio before it has played. */
  void markPlayed(String name) {
    client.send(
        "{\"event\":\"mark\",\"sequenceNumber\":\""
            + sequence.incrementAndGet()
            + "\",\"streamSid\":\""
            + streamSid
            + "\",\"mark\":{\"name\":\""
            + name
            + "\"}}");
  }

  void dtmf(String digit) {
    client.send(
        "{\"event\":\"dtmf\",\"streamSid\":\""
            + streamSid
            + "\",\"sequenceNumber\":\""
            + sequence.incrementAndGet()
            + "\",\"dtmf\":{\"track\":\"inbound_track\",\"digit\":\""
            + digit
            + "\"}}");
  }

  void stop() {
    client.send(
        "{\"event\":\"stop\",\"sequenceNumber\":\""
            + sequence.incrementAndGet()
            + "\",\"stop\":{\"accountSid\":\"ACit\",\"callSid\":\"CAit\"},\"streamSid\":\""
            + streamSid
            + "\"}");
  }

  /** A caller's microphone sending 20 ms media messages (silent at first). */
  PacedSignal microphone() {
    return new PacedSignal(RATE, this::sendAudio);
  }

  /** The outbound media messages so far. */
  List<String> media() {
    return client.texts(AudioSocket::isMedia);
  }

  /** Outbound audio so far, decoded at 8 kHz. */
  short[] received() {
    return AudioSocket.decode(media());
  }

  double receivedSeconds() {
    return received().length / (double) RATE;
  }

  short[] lastReceived(double seconds) {
    short[] all = received();
    int n = Math.min(all.length, (int) (seconds * RATE));
    return java.util.Arrays.copyOfRange(all, all.length - n, all.length);
  }

  @Override
  public void close() {
    client.close();
  }
}
