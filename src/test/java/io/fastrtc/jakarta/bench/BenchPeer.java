package io.fastrtc.jakarta.bench;

import dev.onvoid.webrtc.CreateSessionDescriptionObserver;
import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.PeerConnectionObserver;
import dev.onvoid.webrtc.RTCConfiguration;
import dev.onvoid.webrtc.RTCDataChannel;
import dev.onvoid.webrtc.RTCDataChannelBuffer;
import dev.onvoid.webrtc.RTCDataChannelInit;
import dev.onvoid.webrtc.RTCDataChannelObserver;
import dev.onvoid.webrtc.RTCDataChannelState;
import dev.onvoid.webrtc.RTCIceCandidate;
import dev.onvoid.webrtc.RTCIceGatheringState;
import dev.onvoid.webrtc.RTCOfferOptions;
import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCPeerConnectionState;
import dev.onvoid.webrtc.RTCRtpSender;
import dev.onvoid.webrtc.RTCRtpTransceiver;
import dev.onvoid.webrtc.RTCSdpType;
import dev.onvoid.webrtc.RTCSessionDescription;
import dev.onvoid.webrtc.RTCStats;
import dev.onvoid.webrtc.RTCStatsType;
import dev.onvoid.webrtc.SetSessionDescriptionObserver;
import dev.onvoid.webrtc.media.MediaStreamTrack;
import dev.onvoid.webrtc.media.audio.AudioTrack;
import dev.onvoid.webrtc.media.audio.AudioTrackSink;
import dev.onvoid.webrtc.media.audio.CustomAudioSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One benchmark client peer: a microphone track fed by {@link #push} (called by the benchmark's
 * single pacing thread), the FastRTC {@code "text"} data channel created before the offer, and a
 * sink on the echoed track that counts 10 ms frames and checks that each one carries the tone.
 *
 * <p>Sink callbacks run on the client's one headless playout thread; they only count.
 */
final class BenchPeer {
  /**
   * A frame counts as "good" when every quarter of it (2.5 ms) has an RMS above this: the sent tone
   * has RMS 5657 (amplitude 8000), silence and faded concealment fall well below it.
   */
  static final double GOOD_BLOCK_RMS = 1500;

  final String id;
  private final RTCPeerConnection pc;
  private final CustomAudioSource source;
  private final AudioTrack track;
  private final RTCRtpSender sender;
  private final RTCDataChannel channel;
  private final CompletableFuture<Void> gathered = new CompletableFuture<>();
  final CompletableFuture<Void> connected = new CompletableFuture<>();
  final CompletableFuture<Void> channelOpen = new CompletableFuture<>();
  private volatile AudioTrack remote;
  private volatile boolean closed;
  private volatile RTCPeerConnectionState state = RTCPeerConnectionState.NEW;

  /** Written by the playout thread only; read by the benchmark. */
  private volatile long frames;

  private volatile long goodFrames;
  volatile long createdNanos;
  volatile long readyNanos;

  private final AudioTrackSink sink = this::onEcho;

  BenchPeer(String id, PeerConnectionFactory factory) {
    this.id = id;
    this.createdNanos = System.nanoTime();
    this.pc =
        factory.createPeerConnection(
            new RTCConfiguration(),
            new PeerConnectionObserver() {
              @Override
              public void onIceCandidate(RTCIceCandidate candidate) {
                // non-trickle: the offer is sent once gathering completes
              }

              @Override
              public void onIceGatheringChange(RTCIceGatheringState s) {
                if (s == RTCIceGatheringState.COMPLETE) {
                  gathered.complete(null);
                }
              }

              @Override
              public void onConnectionChange(RTCPeerConnectionState s) {
                state = s;
                if (s == RTCPeerConnectionState.CONNECTED) {
                  connected.complete(null);
                } else if (s == RTCPeerConnectionState.FAILED) {
                  connected.completeExceptionally(new IllegalStateException("ICE failed"));
                }
              }

              @Override
              public void onTrack(RTCRtpTransceiver transceiver) {
                MediaStreamTrack t = transceiver.getReceiver().getTrack();
                if (t instanceof AudioTrack audio) {
                  remote = audio;
                  audio.addSink(sink);
                }
              }
            });
    this.source = new CustomAudioSource();
    this.track = factory.createAudioTrack("mic-" + id, source);
    this.sender = pc.addTrack(track, List.of("bench-" + id));
    this.channel = pc.createDataChannel("text", new RTCDataChannelInit());
    channel.registerObserver(
        new RTCDataChannelObserver() {
          @Override
          public void onBufferedAmountChange(long previousAmount) {}

          @Override
          public void onStateChange() {
            if (channel.getState() == RTCDataChannelState.OPEN) {
              channelOpen.complete(null);
            }
          }

          @Override
          public void onMessage(RTCDataChannelBuffer buffer) {}
        });
  }

  /** Creates the offer, applies it locally and returns it once ICE gathering is complete. */
  CompletableFuture<String> offer() {
    CompletableFuture<RTCSessionDescription> created = new CompletableFuture<>();
    pc.createOffer(
        new RTCOfferOptions(),
        new CreateSessionDescriptionObserver() {
          @Override
          public void onSuccess(RTCSessionDescription d) {
            created.complete(d);
          }

          @Override
          public void onFailure(String error) {
            created.completeExceptionally(new IllegalStateException("createOffer: " + error));
          }
        });
    return created
        .thenCompose(
            d -> {
              CompletableFuture<Void> set = new CompletableFuture<>();
              pc.setLocalDescription(d, observer(set, "setLocalDescription"));
              return set;
            })
        .thenCompose(v -> gathered.orTimeout(5, TimeUnit.SECONDS))
        .thenApply(v -> pc.getLocalDescription().sdp);
  }

  /** Applies the server's answer. */
  CompletableFuture<Void> answer(String sdp) {
    CompletableFuture<Void> set = new CompletableFuture<>();
    pc.setRemoteDescription(
        new RTCSessionDescription(RTCSdpType.ANSWER, sdp), observer(set, "setRemoteDescription"));
    return set;
  }

  private static SetSessionDescriptionObserver observer(CompletableFuture<Void> f, String what) {
    return new SetSessionDescriptionObserver() {
      @Override
      public void onSuccess() {
        f.complete(null);
      }

      @Override
      public void onFailure(String error) {
        f.completeExceptionally(new IllegalStateException(what + ": " + error));
      }
    };
  }

  /** Connected and the data channel is open (the server starts the handler then). */
  CompletableFuture<Void> ready() {
    return CompletableFuture.allOf(connected, channelOpen)
        .thenRun(() -> readyNanos = System.nanoTime());
  }

  boolean isConnected() {
    return !closed && state == RTCPeerConnectionState.CONNECTED;
  }

  RTCPeerConnectionState state() {
    return state;
  }

  /** Pushes one 10 ms mono frame (little-endian 16 bit). Called by the pacing thread only. */
  void push(byte[] frame, int sampleRate) {
    if (!closed) {
      source.pushAudio(frame, 16, sampleRate, 1, frame.length / 2);
    }
  }

  private void onEcho(byte[] data, int bits, int rate, int channels, int count) {
    frames++;
    if (bits != 16 || count < 4) {
      return;
    }
    int block = count / 4;
    for (int b = 0; b < 4; b++) {
      double sum = 0;
      for (int i = b * block; i < (b + 1) * block; i++) {
        int at = 2 * i * channels; // first channel
        short s = (short) ((data[at] & 0xff) | (data[at + 1] << 8));
        sum += (double) s * s;
      }
      if (Math.sqrt(sum / block) < GOOD_BLOCK_RMS) {
        return;
      }
    }
    goodFrames++;
  }

  /** Echo frames delivered to the sink so far. */
  long frames() {
    return frames;
  }

  /** Frames that carried the tone in full so far. */
  long goodFrames() {
    return goodFrames;
  }

  /** The audio inbound-rtp stats of the echo, or an empty map. */
  CompletableFuture<Map<String, Object>> inboundStats() {
    CompletableFuture<Map<String, Object>> f = new CompletableFuture<>();
    if (closed) {
      f.complete(Map.of());
      return f;
    }
    pc.getStats(
        report -> {
          for (RTCStats s : report.getStats().values()) {
            if (s.getType() == RTCStatsType.INBOUND_RTP
                && "audio".equals(String.valueOf(s.getAttributes().get("kind")))) {
              f.complete(s.getAttributes());
              return;
            }
          }
          f.complete(Map.of());
        });
    return f;
  }

  void close() {
    if (closed) {
      return;
    }
    closed = true;
    AudioTrack r = remote;
    if (r != null) {
      r.removeSink(sink);
    }
    try {
      channel.unregisterObserver();
      channel.close();
      channel.dispose();
    } catch (RuntimeException e) {
      // already gone with the connection
    }
    // Detach the track first: a closed connection's sender still references it, and disposing a
    // referenced track throws java.lang.Error ("Native object was not deleted").
    pc.removeTrack(sender);
    pc.close();
    track.dispose();
    source.dispose();
  }
}
