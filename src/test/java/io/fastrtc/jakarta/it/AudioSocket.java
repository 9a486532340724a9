package io.fastrtc.jakarta.it;

import io.fastrtc.jakarta.testing.G711;
import io.fastrtc.jakarta.testing.SocketClient;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/** A FastRTC WebSocket client ({@code /websocket/offer}): start, media, ping, stop, and audio. */
final class AudioSocket implements AutoCloseable {
  static final Duration WAIT = Duration.ofSeconds(10);

  final SocketClient client;
  private final int outputRate;

  private AudioSocket(URI uri, int outputRate) {
    this.client = SocketClient.connect(uri);
    this.outputRate = outputRate;
  }

  /**
   * Opens {@code path} below the deployment, e.g. {@code websocket/offer}.
   *
   * @param outputRate the stream's output rate, to decode what comes back
   */
  static AudioSocket open(URL base, String path, int outputRate) {
    return new AudioSocket(webSocketUri(base, path), outputRate);
  }

  /** The {@code ws://} URI of a path below the deployment. */
  static URI webSocketUri(URL base, String path) {
    return URI.create(ItSupport.root(base).replaceFirst("^http", "ws") + "/" + path);
  }

  void start(String id) {
    client.send("{\"event\":\"start\",\"websocket_id\":\"" + id + "\"}");
  }

  void sendAudio(short[] pcm) {
    client.send(
        "{\"event\":\"media\",\"media\":{\"payload\":\""
            + Base64.getEncoder().encodeToString(G711.encode(pcm))
            + "\"}}");
  }

  /** Sends {@code text} and returns the text of the next message that arrives. */
  String exchange(String text) {
    client.send(text);
    return client.awaitNext(m -> true, WAIT).text();
  }

  /** Sends a ping and returns the answer (the contract's {@code {"event":"pong"}}). */
  String ping() {
    return exchange("{\"event\":\"ping\"}");
  }

  /** A microphone at {@code inputRate} that sends 20 ms media messages (silent at first). */
  PacedSignal microphone(int inputRate) {
    return new PacedSignal(inputRate, this::sendAudio);
  }

  /** The media messages received so far. */
  List<SocketClient.Frame> media() {
    return client.frames().stream().filter(f -> isMedia(f.text())).toList();
  }

  static boolean isMedia(String text) {
    return text.startsWith("{\"event\":\"media\"");
  }

  /** Everything received, decoded with the JDK's codec. */
  short[] received() {
    return decode(media().stream().map(SocketClient.Frame::text).toList());
  }

  /** The last {@code seconds} received. */
  short[] lastReceived(double seconds) {
    short[] all = received();
    int n = Math.min(all.length, (int) (seconds * outputRate));
    return java.util.Arrays.copyOfRange(all, all.length - n, all.length);
  }

  double receivedSeconds() {
    return received().length / (double) outputRate;
  }

  /** Decodes and joins the payloads of media messages. */
  static short[] decode(List<String> mediaMessages) {
    ByteArrayOutputStream codes = new ByteArrayOutputStream();
    for (String m : mediaMessages) {
      codes.writeBytes(payload(m));
    }
    return G711.decode(codes.toByteArray());
  }

  static byte[] payload(String mediaMessage) {
    return Base64.getDecoder()
        .decode(json(mediaMessage).getJsonObject("media").getString("payload"));
  }

  static JsonObject json(String text) {
    return Json.createReader(new StringReader(text)).readObject();
  }

  @Override
  public void close() {
    client.close();
  }
}
