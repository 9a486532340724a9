package io.fastrtc.jakarta.testing;

import dev.onvoid.webrtc.RTCDataChannel;
import dev.onvoid.webrtc.RTCDataChannelInit;
import dev.onvoid.webrtc.RTCDataChannelState;
import dev.onvoid.webrtc.RTCIceGatheringState;
import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCPeerConnectionState;
import dev.onvoid.webrtc.RTCRtpSender;
import dev.onvoid.webrtc.RTCRtpTransceiverDirection;
import dev.onvoid.webrtc.RTCRtpTransceiverInit;
import dev.onvoid.webrtc.RTCSdpType;
import dev.onvoid.webrtc.RTCSessionDescription;
import dev.onvoid.webrtc.media.MediaStreamTrack;
import dev.onvoid.webrtc.media.audio.AudioOptions;
import dev.onvoid.webrtc.media.audio.AudioTrack;
import dev.onvoid.webrtc.media.video.CustomVideoSource;
import dev.onvoid.webrtc.media.video.VideoTrack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A webrtc-java peer that behaves like a browser client of a FastRTC server: it POSTs its offer to
 * {@code <base>/webrtc/offer}, applies the answer, sends candidates as its {@link IceMode} says,
 * sends a paced tone and (when asked) a paced {@link TestPattern} camera, and records the audio,
 * video and data channel messages it receives. Build it with {@link #builder(String)} and close it
 * (try-with-resources).
 */
public final class ClientPeer implements AutoCloseable {

  private final ClientPeerOptions options;
  private final OfferEndpoint endpoint;
  private final ClientPeerObserver observer;
  private final CandidateTrickler trickler;
  private final RTCPeerConnection pc;
  private final RTCDataChannel dataChannel;
  private final PacedAudioSource audioSource;
  private final AudioTrack localTrack;
  private final RTCRtpSender localSender;
  private final PacedVideoSource videoSource;
  private final CustomVideoSource idleVideoSource;
  private final VideoTrack localVideo;
  private final RTCRtpSender videoSender;
  private volatile String offerSdp;
  private boolean connectCalled;
  private boolean closed;

  ClientPeer(ClientPeerOptions options) {
    this.options = options;
    this.endpoint = new OfferEndpoint(options.baseUrl(), options.bearerToken());
    this.trickler = new CandidateTrickler(endpoint, options.webrtcId());
    this.observer =
        new ClientPeerObserver(
            options.receiveBuffer(),
            c -> {
              if (options.iceMode() == IceMode.TRICKLE) {
                trickler.add(c);
              }
            });
    this.pc = NativeWebRtc.factory().createPeerConnection(NativeWebRtc.configuration(), observer);
    if (options.direction() == MediaDirection.SEND_RECEIVE) {
      audioSource = new PacedAudioSource();
      localTrack = NativeWebRtc.factory().createAudioTrack("audio", audioSource.source());
      localSender = pc.addTrack(localTrack, List.of("stream"));
    } else if (options.direction() == MediaDirection.RECEIVE_ONLY) {
      audioSource = null;
      localTrack =
          NativeWebRtc.factory()
              .createAudioTrack(
                  "audio", NativeWebRtc.factory().createAudioSource(new AudioOptions()));
      localSender = pc.addTransceiver(localTrack, recvOnly()).getSender();
    } else {
      audioSource = null;
      localTrack = null;
      localSender = null;
    }
    if (options.video() == MediaDirection.SEND_RECEIVE) {
      videoSource =
          new PacedVideoSource(
              options.videoWidth(), options.videoHeight(), options.fps(), options.videoMotion());
      idleVideoSource = null;
      localVideo = NativeWebRtc.factory().createVideoTrack("video", videoSource.source());
      videoSender = pc.addTrack(localVideo, List.of("stream"));
    } else if (options.video() == MediaDirection.RECEIVE_ONLY) {
      videoSource = null;
      idleVideoSource = new CustomVideoSource();
      localVideo = NativeWebRtc.factory().createVideoTrack("video", idleVideoSource);
      videoSender = pc.addTransceiver(localVideo, recvOnly()).getSender();
    } else {
      videoSource = null;
      idleVideoSource = null;
      localVideo = null;
      videoSender = null;
    }
    if (options.dataChannel()) {
      dataChannel = pc.createDataChannel(options.dataChannelLabel(), new RTCDataChannelInit());
      observer.watch(dataChannel, options.sendHandshake());
    } else {
      dataChannel = null;
    }
  }

  private static RTCRtpTransceiverInit recvOnly() {
    RTCRtpTransceiverInit init = new RTCRtpTransceiverInit();
    init.direction = RTCRtpTransceiverDirection.RECV_ONLY;
    return init;
  }

  /**
   * Starts building a client of the stream at {@code baseUrl}.
   *
   * @param baseUrl the stream's base URL; the offer goes to {@code <baseUrl>/webrtc/offer}
   * @return a builder with browser defaults: trickle, send-receive, data channel "text"
   */
  public static ClientPeerOptions.Builder builder(String baseUrl) {
    return new ClientPeerOptions.Builder(baseUrl);
  }

  /**
   * Creates and applies the offer, POSTs it and applies the answer if the server sent one. With
   * {@link IceMode#TRICKLE} the candidates gathered meanwhile are POSTed after the offer reply. A
   * send-receive client starts pushing silence just before the offer goes out.
   *
   * @return the server's reply, also when it is {@code {"status":"failed",...}} or not JSON
   * @throws IllegalStateException if called twice, or if the answer cannot be applied
   */
  public OfferResult connect() {
    synchronized (this) {
      if (connectCalled || closed) {
        throw new IllegalStateException(closed ? "closed" : "connect() already called");
      }
      connectCalled = true;
    }
    RTCSessionDescription offer = SessionDescriptions.createOffer(pc);
    SessionDescriptions.setLocal(pc, offer);
    String sdp = offer.sdp;
    if (options.iceMode() == IceMode.GATHER_THEN_OFFER) {
      Await.until(
          () -> observer.gatheringState() == RTCIceGatheringState.COMPLETE,
          Duration.ofSeconds(10),
          () -> "ICE gathering state " + observer.gatheringState());
      sdp = pc.getLocalDescription().sdp;
    }
    offerSdp = sdp;
    if (audioSource != null) {
      audioSource.start();
    }
    if (videoSource != null) {
      videoSource.start();
    }
    OfferResult result = endpoint.postOffer(sdp, options.webrtcId());
    if (result.isAnswer()) {
      SessionDescriptions.setRemote(pc, new RTCSessionDescription(RTCSdpType.ANSWER, result.sdp()));
    }
    trickler.offerAnswered();
    return result;
  }

  /**
   * Waits until the peer connection state is CONNECTED.
   *
   * @param timeout how long to wait at most
   * @throws AssertionError on timeout, or if the connection failed or closed first
   */
  public void awaitConnected(Duration timeout) {
    Await.until(
        () -> observer.state() == RTCPeerConnectionState.CONNECTED || observer.hasEnded(),
        timeout,
        () -> "connection state " + observer.state());
    if (observer.state() != RTCPeerConnectionState.CONNECTED) {
      throw new AssertionError("connection became " + observer.state() + " before CONNECTED");
    }
  }

  /** Returns the latest peer connection state reported by libwebrtc (NEW at first). */
  public RTCPeerConnectionState connectionState() {
    return observer.state();
  }

  /**
   * Sends a continuous sine tone: 48 kHz mono int16 in 10 ms frames, paced in real time.
   *
   * @param hz frequency in Hz
   * @param amplitude peak level as a fraction of full scale, 0..1
   */
  public void startTone(double hz, double amplitude) {
    sender().startTone(hz, amplitude);
  }

  /** Stops pushing audio frames altogether: no RTP audio flows until the next send call. */
  public void stopTone() {
    sender().stopTone();
  }

  /** Sends digital silence: frames keep flowing, all zero (the state after connect). */
  public void sendSilence() {
    sender().sendSilence();
  }

  /**
   * Sends mono 48 kHz samples once (speech, say), then silence.
   *
   * @param mono48k samples at 48 kHz
   */
  public void sendAudio(short[] mono48k) {
    sender().play(mono48k);
  }

  /**
   * The most recent received audio, downmixed to mono.
   *
   * @param last how much; less is returned if less was received or kept
   * @return int16 samples at {@link #receivedSampleRate()}
   */
  public short[] receivedAudio(Duration last) {
    return observer.capture().last(last);
  }

  /** Returns the sample rate of received audio (48000), or 0 before the first frame. */
  public int receivedSampleRate() {
    return observer.capture().sampleRate();
  }

  /** Returns how many remote audio frames (10 ms sink callbacks) arrived so far. */
  public long framesReceived() {
    return observer.capture().frames();
  }

  /** Returns the sink on the remote audio track, e.g. to {@code awaitFrames}. */
  public AudioCapture audioCapture() {
    return observer.capture();
  }

  /** Returns the sink on the remote video track: frame count, codes, the newest picture. */
  public VideoCapture videoCapture() {
    return observer.videoCapture();
  }

  /** Returns the sending test camera, or null when this client sends no video. */
  public PacedVideoSource videoSource() {
    return videoSource;
  }

  /** Returns every text message received on any data channel so far, in order. */
  public List<String> messages() {
    return observer.messages().all();
  }

  /**
   * The first received message (before or during the wait) that matches.
   *
   * @param matcher what to look for
   * @param timeout how long to wait at most
   * @return the message
   * @throws AssertionError on timeout, listing the messages received
   */
  public String awaitMessage(Predicate<String> matcher, Duration timeout) {
    return observer.messages().await(matcher, timeout);
  }

  /**
   * Sends a text message on the client's data channel, first waiting up to 10 s for it to open.
   *
   * @param text the message
   * @throws IllegalStateException without a data channel, or if sending fails
   */
  public void send(String text) {
    if (dataChannel == null) {
      throw new IllegalStateException("built without a data channel");
    }
    awaitDataChannelOpen(Duration.ofSeconds(10));
    observer.send(dataChannel, text);
  }

  /**
   * Waits until the client's data channel is open.
   *
   * @param timeout how long to wait at most
   * @throws AssertionError on timeout
   */
  public void awaitDataChannelOpen(Duration timeout) {
    Await.until(
        () -> observer.dataChannelState() == RTCDataChannelState.OPEN,
        timeout,
        () -> "data channel state " + observer.dataChannelState());
  }

  /**
   * POSTs an arbitrary body to the offer URL.
   *
   * @param body the raw request body
   * @return status and body of the reply
   */
  public OfferResult postRaw(String body) {
    return endpoint.post(body);
  }

  /**
   * POSTs one trickled candidate for this client's {@code webrtc_id}.
   *
   * @param candidate the candidate line, e.g. {@code candidate:1 1 udp 2122260223 ...}
   * @param sdpMid the media id, null for JSON null
   * @param sdpMLineIndex the m-line index
   * @return status and body of the reply
   */
  public OfferResult postCandidate(String candidate, String sdpMid, int sdpMLineIndex) {
    return endpoint.postCandidate(options.webrtcId(), candidate, sdpMid, sdpMLineIndex);
  }

  /** Returns the id sent as {@code webrtc_id}. */
  public String webrtcId() {
    return options.webrtcId();
  }

  /** Returns the POSTed offer SDP (holding candidates with GATHER_THEN_OFFER), null before. */
  public String offerSdp() {
    return offerSdp;
  }

  /** Returns the local candidate lines gathered so far, whether sent or not. */
  public List<String> localCandidates() {
    return observer.localCandidates();
  }

  /** Returns the replies to candidates POSTed in TRICKLE mode so far, in order. */
  public List<OfferResult> candidateReplies() {
    return trickler.replies();
  }

  /**
   * Stops the audio pacing and candidate thread, detaches the sink, closes and disposes the data
   * channels, closes the peer connection, then disposes the local track and source. Idempotent.
   */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    trickler.stop();
    if (audioSource != null) {
      audioSource.stop(); // nothing is pushed once native objects start going away
    }
    if (videoSource != null) {
      videoSource.stop();
    }
    observer.detach();
    List<MediaStreamTrack> tracks = new ArrayList<>();
    for (RTCRtpSender sender : new RTCRtpSender[] {localSender, videoSender}) {
      if (sender != null) {
        pc.removeTrack(sender); // without this, dispose() finds the track still referenced
      }
    }
    pc.close();
    if (localTrack != null) {
      tracks.add(localTrack);
    }
    if (localVideo != null) {
      tracks.add(localVideo);
    }
    tracks.forEach(MediaStreamTrack::dispose);
    if (audioSource != null) {
      audioSource.close();
    }
    if (videoSource != null) {
      videoSource.close();
    }
    if (idleVideoSource != null) {
      idleVideoSource.dispose();
    }
  }

  @Override
  public String toString() {
    return "ClientPeer[" + options.webrtcId() + ", " + observer.state() + "]";
  }

  private PacedAudioSource sender() {
    if (audioSource == null) {
      throw new IllegalStateException("a RECEIVE_ONLY client sends no audio");
    }
    return audioSource;
  }
}
