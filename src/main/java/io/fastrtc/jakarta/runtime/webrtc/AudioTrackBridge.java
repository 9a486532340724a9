package io.fastrtc.jakarta.runtime.webrtc;

import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCRtpSender;
import dev.onvoid.webrtc.media.audio.AudioTrack;
import dev.onvoid.webrtc.media.audio.AudioTrackSink;
import dev.onvoid.webrtc.media.audio.CustomAudioSource;
import io.fastrtc.jakarta.runtime.audio.InputAudio;
import io.fastrtc.jakarta.runtime.audio.Pcm;
import io.fastrtc.jakarta.runtime.audio.Resampler;
import io.fastrtc.jakarta.runtime.connection.Connection;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The audio half of a {@link PeerSession}: the outgoing track, fed through a {@link
 * CustomAudioSource} from one reused byte buffer, and the sink on the client's audio track, whose
 * samples become the connection's input frames. The session orders the release of these native
 * objects; this class only knows how to release each of them.
 */
final class AudioTrackBridge {
  private static final Logger LOG = Logger.getLogger(AudioTrackBridge.class.getName());

  private final Connection connection;
  private final BooleanSupplier closed;
  private final InputAudio input;
  private final AudioTrackSink sink = this::onRemoteAudio;
  private CustomAudioSource source;
  private AudioTrack localTrack;
  private RTCRtpSender localSender;
  private byte[] pushBytes = new byte[0];
  private short[] monoIn = new short[480]; // the sink's thread only
  private volatile AudioTrack remoteTrack;

  /**
   * @param closed whether the session is closed: the sink then drops what it still receives
   */
  AudioTrackBridge(Connection connection, Resampler.Factory resamplers, BooleanSupplier closed) {
    this.connection = connection;
    this.closed = closed;
    this.input =
        new InputAudio(
            connection.definition().inputSampleRate(),
            resamplers,
            frame -> connection.onInput(frame, System.nanoTime()));
  }

  /** Creates the outgoing track (when the server sends audio). */
  void createLocalTrack(WebRtcEngine engine) {
    source = new CustomAudioSource();
    localTrack = engine.factory().createAudioTrack("fastrtc-audio", source);
  }

  /** Adds the outgoing track to the peer (after the offer is applied, so it answers its m-line). */
  void addTo(RTCPeerConnection pc) {
    if (localTrack != null) {
      localSender = pc.addTrack(localTrack, List.of("fastrtc"));
    }
  }

  /** Starts receiving the client's audio (libwebrtc's signalling thread). */
  void attach(AudioTrack remote) {
    remoteTrack = remote;
    remote.addSink(sink);
  }

  /**
   * Sends 10 ms of audio, reusing one byte buffer. The caller holds the session's push lock, and
   * has checked under it that the session is open, so the source is not released meanwhile.
   */
  void push(short[] frame, int sampleRate, int channels) {
    if (source == null) {
      return;
    }
    if (pushBytes.length != frame.length * 2) {
      pushBytes = new byte[frame.length * 2];
    }
    Pcm.toBytes(frame, frame.length, pushBytes);
    source.pushAudio(pushBytes, 16, sampleRate, channels, frame.length / channels);
  }

  /**
   * Detaches the sink from the client's track. The remote track's wrapper borrows libwebrtc's
   * pointer (it owns no reference): call this while the peer connection lives; the wrapper is never
   * disposed, and is dropped before the peer's references are released.
   */
  void detachRemote() {
    AudioTrack remote = remoteTrack;
    remoteTrack = null;
    if (remote != null) {
      remote.removeSink(sink);
    }
  }

  /**
   * Removes the outgoing track from the peer. The sender holds a reference to the track: remove it
   * before closing the peer, or disposing the track fails.
   */
  void removeFrom(RTCPeerConnection pc) {
    if (localSender != null) {
      pc.removeTrack(localSender);
    }
  }

  /** The sender {@code addTo} created, whose native reference the peer's closer releases. */
  RTCRtpSender sender() {
    return localSender;
  }

  /** Disposes the outgoing track and its source and frees the input's resampler; last step. */
  void dispose() {
    if (localTrack != null) {
      localTrack.dispose();
    }
    if (source != null) {
      source.dispose();
    }
    input.close();
  }

  private void onRemoteAudio(byte[] data, int bits, int rate, int channels, int frames) {
    if (closed.getAsBoolean() || bits != 16) {
      return;
    }
    try {
      if (monoIn.length < frames) {
        monoIn = new short[frames];
      }
      Pcm.toMono(data, frames, channels, monoIn);
      input.accept(monoIn, frames, rate);
    } catch (RuntimeException e) {
      // Never into libwebrtc's audio thread: webrtc-java turns a Java exception in a sink into a
      // C++ exception there, which aborts the JVM (see CallbackHandOff).
      LOG.log(Level.FINE, "Dropping remote audio of " + connection.id(), e);
    }
  }
}
