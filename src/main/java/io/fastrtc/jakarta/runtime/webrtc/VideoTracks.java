package io.fastrtc.jakarta.runtime.webrtc;

import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCRtpSender;
import dev.onvoid.webrtc.media.video.CustomVideoSource;
import dev.onvoid.webrtc.media.video.NativeI420Buffer;
import dev.onvoid.webrtc.media.video.VideoTrack;
import dev.onvoid.webrtc.media.video.VideoTrackSink;
import io.fastrtc.jakarta.api.VideoFrame;
import io.fastrtc.jakarta.runtime.connection.Connection;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The video half of a {@link PeerSession}: the outgoing track, fed through a {@link
 * CustomVideoSource}, and the sink on the client's camera track. Decoded frames are copied into an
 * I420 {@link VideoFrame} by libyuv on libwebrtc's decoder thread and handed to the connection;
 * nothing waits there.
 */
final class VideoTracks {
  private static final Logger LOG = Logger.getLogger(VideoTracks.class.getName());

  private final Connection connection;
  private final Object lock = new Object();
  private final CustomVideoSource source;
  private final VideoTrack localTrack;
  private final VideoTrackSink sink = this::onRemoteFrame;
  private RTCRtpSender localSender;
  private volatile VideoTrack remoteTrack;
  private volatile boolean closed;

  /**
   * @param sends whether the server sends video (creates the outgoing track)
   */
  VideoTracks(WebRtcEngine engine, Connection connection, boolean sends) {
    this.connection = connection;
    if (sends) {
      source = new CustomVideoSource();
      try {
        localTrack = engine.factory().createVideoTrack("fastrtc-video", source);
      } catch (RuntimeException | Error e) {
        source.dispose();
        throw e;
      }
    } else {
      source = null;
      localTrack = null;
    }
  }

  /** Adds the outgoing track to the peer (after the offer is applied, so it answers its m-line). */
  void addTo(RTCPeerConnection pc) {
    if (localTrack != null) {
      localSender = pc.addTrack(localTrack, List.of("fastrtc"));
    }
  }

  /** Starts receiving the client's video. */
  void attach(VideoTrack remote) {
    if (!closed && remoteTrack == null) {
      remoteTrack = remote;
      remote.addSink(sink);
    }
  }

  /** Sends one frame, converting it to a native I420 buffer (handler lane). */
  void push(VideoFrame frame) {
    synchronized (lock) {
      if (closed || source == null) {
        return;
      }
      NativeI420Buffer buffer = LibyuvConverter.toNative(frame);
      dev.onvoid.webrtc.media.video.VideoFrame out =
          new dev.onvoid.webrtc.media.video.VideoFrame(buffer, System.nanoTime());
      try {
        source.pushFrame(out);
      } finally {
        out.release();
      }
    }
  }

  /** Stops the sink and removes the sender; call before closing the peer. */
  void detach(RTCPeerConnection pc) {
    synchronized (lock) {
      closed = true;
    }
    // The remote track's wrapper borrows libwebrtc's pointer: detach while the peer lives, never
    // dispose it, and forget it before the peer's references are released.
    VideoTrack remote = remoteTrack;
    remoteTrack = null;
    if (remote != null) {
      remote.removeSink(sink);
    }
    if (localSender != null) {
      pc.removeTrack(localSender);
    }
  }

  /** The sender {@code addTo} created, whose native reference the peer's closer releases. */
  RTCRtpSender sender() {
    return localSender;
  }

  /** Disposes the outgoing track and its source; call after closing the peer. */
  void dispose() {
    if (localTrack != null) {
      localTrack.dispose();
    }
    if (source != null) {
      source.dispose();
    }
  }

  private void onRemoteFrame(dev.onvoid.webrtc.media.video.VideoFrame frame) {
    long received = System.nanoTime();
    try {
      if (!closed) {
        connection.onVideoInput(LibyuvConverter.fromNative(frame.buffer), received);
      }
    } catch (RuntimeException | LinkageError e) {
      // Never into libwebrtc's decoder thread: webrtc-java turns a Java exception in a sink into
      // a C++ exception there, which aborts the JVM.
      LOG.log(Level.FINE, "Dropping a video frame on " + connection.id(), e);
    } finally {
      frame.release();
    }
  }
}
