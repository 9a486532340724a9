package io.fastrtc.jakarta.runtime.webrtc;

import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCPeerConnectionState;
import dev.onvoid.webrtc.RTCRtpReceiver;
import dev.onvoid.webrtc.RTCRtpSender;
import dev.onvoid.webrtc.RTCRtpSynchronizationSource;
import dev.onvoid.webrtc.RTCRtpTransceiver;
import dev.onvoid.webrtc.RTCRtpTransceiverDirection;
import dev.onvoid.webrtc.RTCSdpType;
import dev.onvoid.webrtc.RTCSessionDescription;
import dev.onvoid.webrtc.media.MediaStreamTrack;
import dev.onvoid.webrtc.media.audio.AudioTrack;
import dev.onvoid.webrtc.media.video.VideoTrack;
import io.fastrtc.jakarta.api.StreamException;
import io.fastrtc.jakarta.api.VideoFrame;
import io.fastrtc.jakarta.runtime.audio.Resampler;
import io.fastrtc.jakarta.runtime.connection.Connection;
import io.fastrtc.jakarta.runtime.connection.Transport;
import io.fastrtc.jakarta.runtime.stream.StreamDefinition;
import io.fastrtc.jakarta.runtime.wire.IceCandidate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The WebRTC side of one connection, coordinating its parts: the server's peer and its callbacks
 * ({@link PeerObserver}), the audio tracks ({@link AudioTrackBridge}), the video tracks ({@link
 * VideoTracks}) and the client's data channel ({@link DataChannelMessenger}). It owns the one
 * closed flag and the one order in which the native objects are released. libwebrtc callbacks only
 * hand work off; anything that may block runs on the executor.
 */
final class PeerSession implements Transport, PeerObserver.Session {
  private static final Logger LOG = Logger.getLogger(PeerSession.class.getName());
  private static final int OPUS_RATE = 48_000;

  private final WebRtcEngine engine;
  private final Connection connection;
  private final PeerObserver observer;
  private final RTCPeerConnection pc;
  private final AudioTrackBridge audio;
  private final VideoTracks video;
  private final DataChannelMessenger messenger;
  private final Object pushLock = new Object();
  private volatile boolean closed;
  private final ClientCandidates candidates;

  PeerSession(
      WebRtcEngine engine,
      Connection connection,
      Resampler.Factory resamplers,
      Executor executor,
      ScheduledExecutorService scheduler) {
    this.engine = engine;
    this.connection = connection;
    this.audio = new AudioTrackBridge(connection, resamplers, this::isClosed);
    CallbackHandOff handOff = new CallbackHandOff(connection, executor);
    this.messenger = new DataChannelMessenger(connection, handOff, this::isClosed);
    this.observer = new PeerObserver(this, connection, handOff, scheduler, messenger);
    this.pc = engine.createPeerConnection(observer);
    this.candidates = new ClientCandidates(pc, connection.id(), this::isClosed);
    StreamDefinition stream = connection.definition();
    VideoTracks videoTracks = null;
    try {
      if (stream.sendsAudio()) {
        audio.createLocalTrack(engine);
      }
      if (stream.modality().hasVideo()) {
        videoTracks = new VideoTracks(engine, connection, stream.sendsVideo());
      }
    } catch (RuntimeException | Error e) {
      engine.release(() -> PeerConnectionCloser.close(pc));
      audio.dispose();
      throw e;
    }
    this.video = videoTracks;
  }

  /**
   * Applies the offer and returns the complete answer (non-trickle: every server candidate is in
   * the SDP, as FastRTC's clients expect).
   */
  String answer(String offerSdp, List<IceCandidate> early, Duration timeout) throws Exception {
    OfferShape shape = OfferShape.parse(offerSdp);
    candidates.offer(shape);
    observer.expectDataChannel(shape.hasDataChannel());
    long deadline = System.nanoTime() + timeout.toNanos();
    SdpSteps.setRemote(pc, new RTCSessionDescription(RTCSdpType.OFFER, offerSdp))
        .get(remaining(deadline), TimeUnit.NANOSECONDS);
    candidates.remoteApplied(early);
    silenceExtraTracks();
    audio.addTo(pc);
    if (video != null) {
      video.addTo(pc);
    }
    RTCSessionDescription answer =
        SdpSteps.createAnswer(pc).get(remaining(deadline), TimeUnit.NANOSECONDS);
    SdpSteps.setLocal(pc, answer).get(remaining(deadline), TimeUnit.NANOSECONDS);
    try {
      observer
          .gathered()
          .get(Math.min(remaining(deadline), TimeUnit.SECONDS.toNanos(3)), TimeUnit.NANOSECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      LOG.fine(() -> "ICE gathering not complete; answering with the candidates so far");
    }
    return pc.getLocalDescription().sdp;
  }

  /**
   * With {@code allowExtraTracks}, offered tracks of a kind the stream does not use are answered
   * inactive, so the client sends nothing on them (FastRTC ignores such tracks).
   */
  private void silenceExtraTracks() {
    StreamDefinition stream = connection.definition();
    for (RTCRtpTransceiver t : pc.getTransceivers()) {
      MediaStreamTrack track = t.getReceiver().getTrack();
      String kind = track == null ? "" : track.getKind();
      boolean extra =
          (MediaStreamTrack.AUDIO_TRACK_KIND.equals(kind) && !stream.modality().hasAudio())
              || (MediaStreamTrack.VIDEO_TRACK_KIND.equals(kind) && !stream.modality().hasVideo());
      if (extra) {
        t.setDirection(RTCRtpTransceiverDirection.INACTIVE);
      }
    }
  }

  private static long remaining(long deadline) {
    return Math.max(1, deadline - System.nanoTime());
  }

  /**
   * Null when the candidate names a media section of the offer, else why not; see {@link
   * OfferShape#candidateProblem}.
   */
  String candidateProblem(IceCandidate candidate) {
    return candidates.problem(candidate);
  }

  /**
   * Adds a trickled client candidate.
   *
   * @throws StreamException when libwebrtc cannot parse it
   */
  void addCandidate(IceCandidate candidate) {
    candidates.add(candidate);
  }

  // ---- Transport ----

  @Override
  public String kind() {
    return "webrtc";
  }

  @Override
  public void sendText(String message) {
    messenger.sendText(message);
  }

  @Override
  public void pushAudio(short[] frame, int sampleRate, int channels) {
    synchronized (pushLock) {
      if (!closed) {
        audio.push(frame, sampleRate, channels);
      }
    }
  }

  /** Opus encodes at 48 kHz: audio pushed at that rate is not converted again by libwebrtc. */
  @Override
  public int nativeAudioRate() {
    return OPUS_RATE;
  }

  @Override
  public void pushVideo(VideoFrame frame) {
    if (video != null && !closed) {
      video.push(frame);
    }
  }

  /**
   * Releases everything in the one safe order: sinks are removed while the peer lives (the remote
   * tracks' wrappers are never disposed), then the channel, the senders' tracks, the peer (through
   * {@link PeerConnectionCloser}, under the engine's lock), and last the tracks and sources.
   */
  @Override
  public void close() {
    synchronized (pushLock) {
      if (closed) {
        return;
      }
      closed = true;
    }
    observer.cancelDisconnectCheck();
    audio.detachRemote();
    messenger.close();
    audio.removeFrom(pc);
    if (video != null) {
      video.detach(pc); // stops the sink and removes the video sender's track
    }
    // pc.close() alone leaves the native peer connection, and with it the factory's media engine
    // and its rtc-low-prio thread, alive after the factory is disposed (see PeerConnectionCloser).
    RTCRtpSender audioSender = audio.sender();
    RTCRtpSender videoSender = video == null ? null : video.sender();
    engine.release(() -> PeerConnectionCloser.close(pc, audioSender, videoSender));
    if (video != null) {
      video.dispose();
    }
    audio.dispose();
  }

  /**
   * The newest RTP source timestamp over the peer's receivers (libwebrtc keeps a source for 10 s
   * after its last packet), or 0 while no packet has arrived: decoded frames alone do not tell,
   * because libwebrtc hands on silence when nothing arrives.
   */
  @Override
  public long mediaMark() {
    synchronized (pushLock) {
      if (closed) {
        return 0;
      }
      long newest = 0;
      for (RTCRtpReceiver receiver : pc.getReceivers()) {
        for (RTCRtpSynchronizationSource source : receiver.getSynchronizationSources()) {
          newest = Math.max(newest, source.timestamp);
        }
      }
      return newest;
    }
  }

  // ---- PeerObserver.Session (libwebrtc threads: never block here, never throw) ----

  @Override
  public boolean isClosed() {
    return closed;
  }

  @Override
  public void onRemoteTrack(MediaStreamTrack track) {
    StreamDefinition stream = connection.definition();
    if (track instanceof AudioTrack remoteAudio
        && stream.modality().hasAudio()
        && stream.mode().clientSends()) {
      audio.attach(remoteAudio);
    } else if (track instanceof VideoTrack remoteVideo && video != null && stream.receivesVideo()) {
      video.attach(remoteVideo);
    }
  }

  @Override
  public boolean stillDisconnected() {
    return !closed && pc.getConnectionState() == RTCPeerConnectionState.DISCONNECTED;
  }
}
