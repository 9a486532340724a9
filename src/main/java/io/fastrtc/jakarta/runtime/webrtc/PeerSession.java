package io.fastrtc.jakarta.runtime.webrtc;

import dev.onvoid.webrtc.PeerConnectionObserver;
import dev.onvoid.webrtc.RTCDataChannel;
import dev.onvoid.webrtc.RTCDataChannelBuffer;
import dev.onvoid.webrtc.RTCDataChannelObserver;
import dev.onvoid.webrtc.RTCDataChannelState;
import dev.onvoid.webrtc.RTCIceCandidate;
import dev.onvoid.webrtc.RTCIceGatheringState;
import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCPeerConnectionState;
import dev.onvoid.webrtc.RTCRtpSender;
import dev.onvoid.webrtc.RTCRtpTransceiver;
import dev.onvoid.webrtc.RTCRtpTransceiverDirection;
import dev.onvoid.webrtc.RTCSdpType;
import dev.onvoid.webrtc.RTCSessionDescription;
import dev.onvoid.webrtc.media.MediaStreamTrack;
import dev.onvoid.webrtc.media.audio.AudioTrack;
import dev.onvoid.webrtc.media.audio.AudioTrackSink;
import dev.onvoid.webrtc.media.audio.CustomAudioSource;
import dev.onvoid.webrtc.media.video.VideoTrack;
import io.fastrtc.jakarta.api.StreamException;
import io.fastrtc.jakarta.api.VideoFrame;
import io.fastrtc.jakarta.runtime.audio.InputAudio;
import io.fastrtc.jakarta.runtime.audio.Pcm;
import io.fastrtc.jakarta.runtime.audio.Resampler;
import io.fastrtc.jakarta.runtime.connection.Connection;
import io.fastrtc.jakarta.runtime.connection.EndReason;
import io.fastrtc.jakarta.runtime.connection.Transport;
import io.fastrtc.jakarta.runtime.stream.StreamDefinition;
import io.fastrtc.jakarta.runtime.wire.ChannelMessages;
import io.fastrtc.jakarta.runtime.wire.IceCandidate;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The WebRTC side of one connection: the server's peer, its outgoing audio track, the sink on the
 * client's audio, the video tracks ({@link VideoTracks}) and the client's data channel. libwebrtc
 * callbacks only hand work off; anything that may block runs on the executor.
 */
final class PeerSession implements Transport, PeerConnectionObserver {
  private static final Logger LOG = Logger.getLogger(PeerSession.class.getName());
  private static final Duration DISCONNECT_GRACE = Duration.ofSeconds(10);
  private static final int MAX_QUEUED_MESSAGES = 256;

  private final Connection connection;
  private final Executor executor;
  private final ScheduledExecutorService scheduler;
  private final RTCPeerConnection pc;
  private final InputAudio input;
  private final VideoTracks video;
  private final CompletableFuture<Void> gathered = new CompletableFuture<>();
  private final ArrayDeque<String> queued = new ArrayDeque<>();
  private final Object pushLock = new Object();
  private CustomAudioSource source;
  private AudioTrack localTrack;
  private RTCRtpSender localSender;
  private byte[] pushBytes = new byte[0];
  private volatile AudioTrack remoteTrack;
  private volatile RTCDataChannel channel;
  private volatile boolean expectChannel = true;
  private volatile boolean closed;
  private volatile Future<?> disconnectCheck;

  private final AudioTrackSink sink = this::onRemoteAudio;
  private final WebRtcEngine engine;

  PeerSession(
      WebRtcEngine engine,
      Connection connection,
      Resampler.Factory resamplers,
      Executor executor,
      ScheduledExecutorService scheduler) {
    this.connection = connection;
    this.executor = executor;
    this.scheduler = scheduler;
    this.input =
        new InputAudio(
            connection.definition().inputSampleRate(),
            resamplers,
            frame -> connection.onInput(frame, System.nanoTime()));
    this.engine = engine;
    this.pc = engine.createPeerConnection(this);
    StreamDefinition stream = connection.definition();
    VideoTracks videoTracks = null;
    try {
      if (stream.sendsAudio()) {
        source = new CustomAudioSource();
        localTrack = engine.factory().createAudioTrack("fastrtc-audio", source);
      }
      if (stream.modality().hasVideo()) {
        videoTracks = new VideoTracks(engine, connection, stream.sendsVideo());
      }
    } catch (RuntimeException | Error e) {
      engine.release(() -> PeerConnectionCloser.close(pc));
      if (localTrack != null) {
        localTrack.dispose();
      }
      if (source != null) {
        source.dispose();
      }
      input.close();
      throw e;
    }
    this.video = videoTracks;
  }

  /**
   * Applies the offer and returns the complete answer (non-trickle: every server candidate is in
   * the SDP, as FastRTC's clients expect).
   */
  String answer(String offerSdp, List<IceCandidate> early, Duration timeout) throws Exception {
    expectChannel = OfferShape.parse(offerSdp).hasDataChannel();
    long deadline = System.nanoTime() + timeout.toNanos();
    SdpSteps.setRemote(pc, new RTCSessionDescription(RTCSdpType.OFFER, offerSdp))
        .get(remaining(deadline), TimeUnit.NANOSECONDS);
    early.forEach(this::addCandidate);
    silenceExtraTracks();
    if (localTrack != null) {
      localSender = pc.addTrack(localTrack, List.of("fastrtc"));
    }
    if (video != null) {
      video.addTo(pc);
    }
    RTCSessionDescription answer =
        SdpSteps.createAnswer(pc).get(remaining(deadline), TimeUnit.NANOSECONDS);
    SdpSteps.setLocal(pc, answer).get(remaining(deadline), TimeUnit.NANOSECONDS);
    try {
      gathered.get(
          Math.min(remaining(deadline), TimeUnit.SECONDS.toNanos(3)), TimeUnit.NANOSECONDS);
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
   * Adds a trickled client candidate.
   *
   * @throws StreamException when libwebrtc cannot parse it
   */
  void addCandidate(IceCandidate candidate) {
    if (!closed) {
      String mid = candidate.sdpMid() != null ? candidate.sdpMid() : "0";
      int index = Math.max(0, candidate.sdpMLineIndex());
      try {
        pc.addIceCandidate(new RTCIceCandidate(mid, index, candidate.candidate()));
      } catch (Error e) { // webrtc-java reports unparsable candidates as java.lang.Error
        throw new StreamException("addIceCandidate failed: " + e.getMessage());
      }
    }
  }

  // ---- Transport ----

  @Override
  public void sendText(String message) {
    synchronized (queued) {
      RTCDataChannel dc = channel;
      if (closed) {
        return;
      }
      if (dc == null || dc.getState() != RTCDataChannelState.OPEN) {
        if (queued.size() < MAX_QUEUED_MESSAGES) {
          queued.addLast(message);
        }
        return;
      }
      send(dc, message);
    }
  }

  private void send(RTCDataChannel dc, String message) {
    try {
      ByteBuffer bytes = ByteBuffer.wrap(message.getBytes(StandardCharsets.UTF_8));
      dc.send(new RTCDataChannelBuffer(bytes, false));
    } catch (Exception e) {
      LOG.log(Level.FINE, "Data channel send failed on " + connection.id(), e);
    }
  }

  @Override
  public void pushAudio(short[] frame, int sampleRate, int channels) {
    synchronized (pushLock) {
      if (closed || source == null) {
        return;
      }
      if (pushBytes.length != frame.length * 2) {
        pushBytes = new byte[frame.length * 2];
      }
      Pcm.toBytes(frame, frame.length, pushBytes);
      source.pushAudio(pushBytes, 16, sampleRate, channels, frame.length / channels);
    }
  }

  @Override
  public void pushVideo(VideoFrame frame) {
    if (video != null && !closed) {
      video.push(frame);
    }
  }

  @Override
  public void close() {
    synchronized (pushLock) {
      if (closed) {
        return;
      }
      closed = true;
    }
    Future<?> check = disconnectCheck;
    if (check != null) {
      check.cancel(false);
    }
    // The remote track's wrapper borrows libwebrtc's pointer (it owns no reference): detach the
    // sink while the peer connection lives, never dispose it, and drop it before the release below.
    AudioTrack remote = remoteTrack;
    remoteTrack = null;
    if (remote != null) {
      remote.removeSink(sink);
    }
    RTCDataChannel dc;
    synchronized (queued) {
      dc = channel;
      channel = null;
    }
    if (dc != null) {
      drain(dc);
      dc.unregisterObserver();
      dc.close();
      dc.dispose();
    }
    // The sender holds a reference to the track: remove it first, or disposing the track fails.
    if (localSender != null) {
      pc.removeTrack(localSender);
    }
    if (video != null) {
      video.detach(pc); // stops the sink and removes the video sender's track
    }
    // pc.close() alone leaves the native peer connection, and with it the factory's media engine
    // and its rtc-low-prio thread, alive after the factory is disposed (see PeerConnectionCloser).
    RTCRtpSender videoSender = video == null ? null : video.sender();
    engine.release(() -> PeerConnectionCloser.close(pc, localSender, videoSender));
    if (video != null) {
      video.dispose();
    }
    if (localTrack != null) {
      localTrack.dispose();
    }
    if (source != null) {
      source.dispose();
    }
    input.close();
  }

  /** Gives queued data-channel messages (e.g. a final error) a moment to leave. */
  private static void drain(RTCDataChannel dc) {
    long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(250);
    while (dc.getState() == RTCDataChannelState.OPEN
        && dc.getBufferedAmount() > 0
        && System.nanoTime() < until) {
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  // ---- libwebrtc callbacks (signalling and media threads: never block here, never throw) ----

  /**
   * Runs a callback's work on the executor. An exception must not escape a libwebrtc callback:
   * webrtc-java rethrows it as a C++ exception on the native thread, which aborts the whole JVM.
   * The executor refuses work once the application is stopping; such late callbacks are dropped.
   */
  private void handOff(Runnable task) {
    try {
      executor.execute(task);
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "Dropping a libwebrtc callback of " + connection.id(), e);
    }
  }

  private void onRemoteAudio(byte[] data, int bits, int rate, int channels, int frames) {
    if (closed || bits != 16) {
      return;
    }
    try {
      short[] mono = Pcm.toMono(Pcm.toShorts(data, frames * channels), channels);
      input.accept(mono, rate);
    } catch (RuntimeException e) { // never into libwebrtc's audio thread: see handOff
      LOG.log(Level.FINE, "Dropping remote audio of " + connection.id(), e);
    }
  }

  @Override
  public void onIceCandidate(RTCIceCandidate candidate) {
    // Non-trickle: candidates travel inside the answer SDP.
  }

  @Override
  public void onIceGatheringChange(RTCIceGatheringState state) {
    if (state == RTCIceGatheringState.COMPLETE) {
      gathered.complete(null);
    }
  }

  @Override
  public void onTrack(RTCRtpTransceiver transceiver) {
    if (closed) {
      return; // close() has detached the sink already; a late sink would never be removed
    }
    MediaStreamTrack track = transceiver.getReceiver().getTrack();
    StreamDefinition stream = connection.definition();
    if (track instanceof AudioTrack audio
        && stream.modality().hasAudio()
        && stream.mode().clientSends()) {
      remoteTrack = audio;
      audio.addSink(sink);
    } else if (track instanceof VideoTrack remoteVideo && video != null && stream.receivesVideo()) {
      video.attach(remoteVideo);
    }
  }

  @Override
  public void onDataChannel(RTCDataChannel dc) {
    channel = dc;
    dc.registerObserver(
        new RTCDataChannelObserver() {
          @Override
          public void onBufferedAmountChange(long previousAmount) {}

          @Override
          public void onStateChange() {
            RTCDataChannelState state = dc.getState();
            if (state == RTCDataChannelState.OPEN) {
              handOff(() -> channelOpened(dc));
            } else if (state == RTCDataChannelState.CLOSING
                || state == RTCDataChannelState.CLOSED) {
              // The client's only channel is going away: the session is over. Reacting to
              // CLOSING too matters when the client's peer is gone before the close handshake
              // finishes, which would leave the channel CLOSING forever.
              handOff(() -> connection.close(EndReason.CLIENT_CLOSED));
            }
          }

          @Override
          public void onMessage(RTCDataChannelBuffer buffer) {
            if (!buffer.binary) {
              ByteBuffer data = buffer.data;
              byte[] bytes = new byte[data.remaining()];
              data.get(bytes);
              String text = new String(bytes, StandardCharsets.UTF_8);
              handOff(() -> sendText(ChannelMessages.received(text)));
            }
          }
        });
  }

  private void channelOpened(RTCDataChannel dc) {
    synchronized (queued) {
      if (closed || channel != dc) {
        return;
      }
      for (String next = queued.pollFirst(); next != null; next = queued.pollFirst()) {
        send(dc, next);
      }
    }
    connection.start();
  }

  @Override
  public void onConnectionChange(RTCPeerConnectionState state) {
    switch (state) {
      case CONNECTED -> {
        connection.markConnected();
        if (!expectChannel) {
          connection.start();
        }
      }
      case DISCONNECTED -> closeIfStillDisconnectedLater();
      case FAILED -> handOff(() -> connection.close(EndReason.TRANSPORT_FAILED));
      case CLOSED -> handOff(() -> connection.close(EndReason.CLIENT_CLOSED));
      default -> {}
    }
  }

  private void closeIfStillDisconnectedLater() {
    try {
      disconnectCheck =
          scheduler.schedule(
              () -> {
                if (!closed && pc.getConnectionState() == RTCPeerConnectionState.DISCONNECTED) {
                  connection.close(EndReason.TRANSPORT_FAILED);
                }
              },
              DISCONNECT_GRACE.toMillis(),
              TimeUnit.MILLISECONDS);
    } catch (RuntimeException e) { // see handOff
      LOG.log(Level.FINE, "Not watching the disconnected peer " + connection.id(), e);
    }
  }
}
