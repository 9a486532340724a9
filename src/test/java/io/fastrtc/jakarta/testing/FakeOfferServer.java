package io.fastrtc.jakarta.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.onvoid.webrtc.PeerConnectionObserver;
import dev.onvoid.webrtc.RTCDataChannel;
import dev.onvoid.webrtc.RTCDataChannelBuffer;
import dev.onvoid.webrtc.RTCDataChannelObserver;
import dev.onvoid.webrtc.RTCIceCandidate;
import dev.onvoid.webrtc.RTCIceGatheringState;
import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCRtpSender;
import dev.onvoid.webrtc.RTCRtpTransceiver;
import dev.onvoid.webrtc.RTCSdpType;
import dev.onvoid.webrtc.RTCSessionDescription;
import dev.onvoid.webrtc.media.MediaStreamTrack;
import dev.onvoid.webrtc.media.audio.AudioTrack;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A minimal stand-in for a FastRTC server, to test {@link ClientPeer} without Liberty: {@code POST
 * <base>/webrtc/offer} answers offers non-trickle (all candidates in the answer SDP) from a
 * webrtc-java peer that sends a tone, records the client's audio and answers every data channel
 * message with {@code {"type":"log","data":"Server received: <msg>"}}. Candidates and errors follow
 * reference section 2.2 in outline only; it is a fixture, not the product.
 */
public final class FakeOfferServer implements AutoCloseable {

  private final HttpServer http;
  private final ExecutorService httpThreads = Executors.newFixedThreadPool(2);
  private final ExecutorService echoThread = Executors.newSingleThreadExecutor();
  private final Map<String, ServerPeer> peers = new ConcurrentHashMap<>();
  private final double toneHz;

  private FakeOfferServer(double toneHz) throws IOException {
    this.toneHz = toneHz;
    this.http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    http.createContext("/stream/webrtc/offer", this::handle);
    http.setExecutor(httpThreads);
    http.start();
  }

  /**
   * Starts a server on an ephemeral loopback port.
   *
   * @param toneHz the frequency every server peer sends (amplitude 0.5)
   * @return the running server
   * @throws IOException if the port cannot be bound
   */
  public static FakeOfferServer start(double toneHz) throws IOException {
    return new FakeOfferServer(toneHz);
  }

  /** Returns the stream base URL to give {@link ClientPeer#builder(String)}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + http.getAddress().getPort() + "/stream";
  }

  /**
   * What the server peer for {@code webrtcId} has received from the client.
   *
   * @param webrtcId the client's id
   * @return its audio capture
   * @throws IllegalArgumentException for an unknown id
   */
  public AudioCapture receivedFrom(String webrtcId) {
    ServerPeer peer = peers.get(webrtcId);
    if (peer == null) {
      throw new IllegalArgumentException("no offer from " + webrtcId);
    }
    return peer.capture;
  }

  /** Stops HTTP, then closes every server peer the way {@link ClientPeer#close()} does. */
  @Override
  public void close() {
    http.stop(0);
    httpThreads.shutdownNow();
    echoThread.shutdownNow();
    peers.values().forEach(ServerPeer::close);
    peers.clear();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String reply;
      int status = 200;
      try {
        JsonObject body =
            Json.createReader(exchange.getRequestBody()).readObject(); // may throw on bad JSON
        if (!body.containsKey("webrtc_id")) {
          status = 422;
          reply = "{\"detail\":\"webrtc_id missing\"}";
        } else if ("ice-candidate".equals(body.getString("type", ""))) {
          reply = candidate(body.getString("webrtc_id"), body.getJsonObject("candidate"));
        } else {
          reply = offer(body.getString("webrtc_id"), body.getString("sdp"));
        }
      } catch (RuntimeException e) {
        status = 400;
        reply = Json.createObjectBuilder().add("detail", String.valueOf(e)).build().toString();
      }
      byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  private String candidate(String id, JsonObject candidate) {
    ServerPeer peer = peers.get(id);
    if (peer == null) {
      return failed("unknown_connection");
    }
    String line = candidate.getString("candidate", "");
    if (!line.startsWith("candidate:") || line.split(" ").length < 10) {
      return failed("invalid_candidate_format");
    }
    int index = candidate.getInt("sdpMLineIndex", 0);
    peer.pc.addIceCandidate(new RTCIceCandidate(candidate.getString("sdpMid", ""), index, line));
    return "{\"status\":\"success\"}";
  }

  private String offer(String id, String sdp) {
    ServerPeer peer = new ServerPeer(id);
    if (peers.putIfAbsent(id, peer) != null) {
      peer.close();
      return failed("connection_already_exists");
    }
    SessionDescriptions.setRemote(peer.pc, new RTCSessionDescription(RTCSdpType.OFFER, sdp));
    peer.sender = peer.pc.addTrack(peer.track, List.of("server"));
    SessionDescriptions.setLocal(peer.pc, SessionDescriptions.createAnswer(peer.pc));
    Await.until(
        () -> peer.gathering == RTCIceGatheringState.COMPLETE,
        Duration.ofSeconds(10),
        () -> "server ICE gathering " + peer.gathering);
    peer.tone.start();
    peer.tone.startTone(toneHz, 0.5);
    return Json.createObjectBuilder()
        .add("sdp", peer.pc.getLocalDescription().sdp)
        .add("type", "answer")
        .build()
        .toString();
  }

  private static String failed(String error) {
    return Json.createObjectBuilder()
        .add("status", "failed")
        .add("meta", Json.createObjectBuilder().add("error", error))
        .build()
        .toString();
  }

  /** The server side of one connection. */
  private final class ServerPeer implements PeerConnectionObserver {
    final AudioCapture capture = new AudioCapture(Duration.ofSeconds(5));
    final PacedAudioSource tone = new PacedAudioSource();
    final AudioTrack track;
    final RTCPeerConnection pc;
    volatile RTCIceGatheringState gathering = RTCIceGatheringState.NEW;
    volatile RTCRtpSender sender;
    private AudioTrack remoteTrack;
    private RTCDataChannel channel;
    private boolean closed;

    ServerPeer(String id) {
      track = NativeWebRtc.factory().createAudioTrack("server-" + id, tone.source());
      pc = NativeWebRtc.factory().createPeerConnection(NativeWebRtc.configuration(), this);
    }

    @Override
    public void onIceCandidate(RTCIceCandidate candidate) {
      // Non-trickle: the candidates end up in the answer SDP.
    }

    @Override
    public void onIceGatheringChange(RTCIceGatheringState state) {
      gathering = state;
    }

    @Override
    public synchronized void onTrack(RTCRtpTransceiver transceiver) {
      MediaStreamTrack t = transceiver.getReceiver().getTrack();
      if (!closed && MediaStreamTrack.AUDIO_TRACK_KIND.equals(t.getKind())) {
        remoteTrack = (AudioTrack) t;
        remoteTrack.addSink(capture);
      }
    }

    @Override
    public synchronized void onDataChannel(RTCDataChannel dc) {
      if (closed) {
        return;
      }
      channel = dc;
      dc.registerObserver(
          new RTCDataChannelObserver() {
            @Override
            public void onBufferedAmountChange(long previousAmount) {}

            @Override
            public void onStateChange() {}

            @Override
            public void onMessage(RTCDataChannelBuffer buffer) {
              String message = MessageLog.decode(buffer);
              echoThread.execute(() -> send("Server received: " + message));
            }
          });
    }

    private synchronized void send(String text) {
      if (!closed && channel != null) {
        try {
          String json =
              Json.createObjectBuilder().add("type", "log").add("data", text).build().toString();
          channel.send(MessageLog.encode(json));
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }
    }

    void close() {
      AudioTrack remote;
      RTCDataChannel dc;
      synchronized (this) {
        if (closed) {
          return;
        }
        closed = true;
        remote = remoteTrack;
        dc = channel;
      }
      tone.stop();
      if (remote != null) {
        remote.removeSink(capture);
      }
      if (dc != null) {
        dc.unregisterObserver();
        dc.close();
        dc.dispose();
      }
      if (sender != null) {
        pc.removeTrack(sender);
      }
      pc.close();
      track.dispose();
      tone.close();
    }
  }
}
