package io.fastrtc.jakarta.testing;

import dev.onvoid.webrtc.PeerConnectionObserver;
import dev.onvoid.webrtc.RTCDataChannel;
import dev.onvoid.webrtc.RTCDataChannelState;
import dev.onvoid.webrtc.RTCIceCandidate;
import dev.onvoid.webrtc.RTCIceGatheringState;
import dev.onvoid.webrtc.RTCPeerConnectionState;
import dev.onvoid.webrtc.RTCRtpTransceiver;
import dev.onvoid.webrtc.media.MediaStreamTrack;
import dev.onvoid.webrtc.media.audio.AudioTrack;
import dev.onvoid.webrtc.media.video.VideoTrack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The libwebrtc callbacks of one {@link ClientPeer}: connection and gathering state, local
 * candidates, the remote audio track (gets an {@link AudioCapture}), the remote video track (gets a
 * {@link VideoCapture}) and data channels (feed a {@link MessageLog}).
 *
 * <p>Callbacks run on libwebrtc's signalling thread; they never wait for a test thread. {@link
 * #detach()} makes no native call while holding a lock a callback may need, so it cannot deadlock.
 */
final class ClientPeerObserver implements PeerConnectionObserver {

  private final AudioCapture capture;
  private final VideoCapture videoCapture = new VideoCapture();
  private final MessageLog messages = new MessageLog();
  private final Consumer<RTCIceCandidate> onCandidate;
  private final List<String> localCandidates = new CopyOnWriteArrayList<>();
  private final Object trackLock = new Object();
  private final Object channelLock = new Object();
  private final List<RTCDataChannel> channels = new ArrayList<>();
  private volatile RTCPeerConnectionState state = RTCPeerConnectionState.NEW;
  private volatile RTCIceGatheringState gatheringState = RTCIceGatheringState.NEW;
  private volatile RTCDataChannelState dataChannelState;
  private AudioTrack remoteTrack;
  private VideoTrack remoteVideo;
  private boolean trackDetached;
  private boolean channelsDetached;

  ClientPeerObserver(Duration receiveBuffer, Consumer<RTCIceCandidate> onCandidate) {
    this.capture = new AudioCapture(receiveBuffer);
    this.onCandidate = onCandidate;
  }

  @Override
  public void onIceCandidate(RTCIceCandidate candidate) {
    localCandidates.add(candidate.sdp);
    onCandidate.accept(candidate);
  }

  @Override
  public void onConnectionChange(RTCPeerConnectionState newState) {
    state = newState;
  }

  @Override
  public void onIceGatheringChange(RTCIceGatheringState newState) {
    gatheringState = newState;
  }

  @Override
  public void onTrack(RTCRtpTransceiver transceiver) {
    MediaStreamTrack track = transceiver.getReceiver().getTrack();
    synchronized (trackLock) {
      if (trackDetached) {
        return;
      }
      if (track instanceof AudioTrack audio && remoteTrack == null) {
        remoteTrack = audio;
        remoteTrack.addSink(capture);
      } else if (track instanceof VideoTrack video && remoteVideo == null) {
        remoteVideo = video;
        remoteVideo.addSink(videoCapture);
      }
    }
  }

  @Override
  public void onDataChannel(RTCDataChannel channel) {
    synchronized (channelLock) {
      if (!channelsDetached) {
        channels.add(channel);
        channel.registerObserver(messages.observer(() -> {}));
      }
    }
  }

  /** Records messages and state of the client's own channel; optionally sends "handshake". */
  void watch(RTCDataChannel own, boolean sendHandshake) {
    synchronized (channelLock) {
      channels.add(own);
      dataChannelState = RTCDataChannelState.CONNECTING;
      own.registerObserver(
          messages.observer(
              () -> {
                RTCDataChannelState now = own.getState();
                dataChannelState = now;
                if (sendHandshake && now == RTCDataChannelState.OPEN) {
                  CompletableFuture.runAsync(() -> send(own, "handshake"));
                }
              }));
    }
  }

  /** Sends text unless detached; the lock keeps {@link #detach()} from disposing mid-send. */
  void send(RTCDataChannel channel, String text) {
    synchronized (channelLock) {
      if (channelsDetached) {
        throw new IllegalStateException("client peer is closed");
      }
      try {
        channel.send(MessageLog.encode(text));
      } catch (Exception e) {
        throw new IllegalStateException("data channel send failed: " + e.getMessage(), e);
      }
    }
  }

  /** Removes the sinks, then unregisters, closes and disposes every data channel. */
  void detach() {
    AudioTrack track;
    VideoTrack video;
    synchronized (trackLock) {
      trackDetached = true;
      track = remoteTrack;
      video = remoteVideo;
    }
    if (track != null) {
      track.removeSink(capture);
    }
    if (video != null) {
      video.removeSink(videoCapture);
    }
    synchronized (channelLock) {
      channelsDetached = true;
      for (RTCDataChannel channel : channels) {
        channel.unregisterObserver();
        channel.close();
        channel.dispose();
      }
      channels.clear();
    }
  }

  RTCPeerConnectionState state() {
    return state;
  }

  boolean hasEnded() {
    return state == RTCPeerConnectionState.FAILED || state == RTCPeerConnectionState.CLOSED;
  }

  RTCIceGatheringState gatheringState() {
    return gatheringState;
  }

  RTCDataChannelState dataChannelState() {
    return dataChannelState;
  }

  AudioCapture capture() {
    return capture;
  }

  VideoCapture videoCapture() {
    return videoCapture;
  }

  MessageLog messages() {
    return messages;
  }

  List<String> localCandidates() {
    return List.copyOf(localCandidates);
  }
}
