package io.fastrtc.jakarta.runtime.webrtc;

import dev.onvoid.webrtc.PeerConnectionObserver;
import dev.onvoid.webrtc.RTCDataChannel;
import dev.onvoid.webrtc.RTCIceCandidate;
import dev.onvoid.webrtc.RTCIceGatheringState;
import dev.onvoid.webrtc.RTCPeerConnectionState;
import dev.onvoid.webrtc.RTCRtpTransceiver;
import dev.onvoid.webrtc.media.MediaStreamTrack;
import io.fastrtc.jakarta.runtime.connection.Connection;
import io.fastrtc.jakarta.runtime.connection.EndReason;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The libwebrtc callbacks of one peer (signalling thread): ICE gathering, the client's tracks and
 * data channel, and the connection state, with a grace period for a disconnected peer. Never blocks
 * and never throws: work that may block goes to the executor through {@link CallbackHandOff}.
 */
final class PeerObserver implements PeerConnectionObserver {
  private static final Logger LOG = Logger.getLogger(PeerObserver.class.getName());
  private static final Duration DISCONNECT_GRACE = Duration.ofSeconds(10);

  /** What the observer reports to its session; called on libwebrtc's threads, never throws. */
  interface Session {
    /** Whether the session is closed: its peer's wrappers must not be used any more. */
    boolean isClosed();

    /** A track the client sends (only while the session is open). */
    void onRemoteTrack(MediaStreamTrack track);

    /** Whether the session is open and its peer still disconnected. */
    boolean stillDisconnected();
  }

  private final Session session;
  private final Connection connection;
  private final CallbackHandOff handOff;
  private final ScheduledExecutorService scheduler;
  private final DataChannelMessenger messenger;
  private final CompletableFuture<Void> gathered = new CompletableFuture<>();
  private volatile boolean expectChannel = true;
  private volatile Future<?> disconnectCheck;

  PeerObserver(
      Session session,
      Connection connection,
      CallbackHandOff handOff,
      ScheduledExecutorService scheduler,
      DataChannelMessenger messenger) {
    this.session = session;
    this.connection = connection;
    this.handOff = handOff;
    this.scheduler = scheduler;
    this.messenger = messenger;
  }

  /** Completes when ICE gathering is complete. */
  CompletableFuture<Void> gathered() {
    return gathered;
  }

  /**
   * Whether the offer has a data channel: without one, the connection starts as soon as the peer is
   * connected instead of when the channel opens.
   */
  void expectDataChannel(boolean expect) {
    expectChannel = expect;
  }

  /** Stops watching a disconnected peer (the session is closing). */
  void cancelDisconnectCheck() {
    Future<?> check = disconnectCheck;
    if (check != null) {
      check.cancel(false);
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
    if (session.isClosed()) {
      return; // close() has detached the sinks already; a late sink would never be removed
    }
    session.onRemoteTrack(transceiver.getReceiver().getTrack());
  }

  @Override
  public void onDataChannel(RTCDataChannel dc) {
    messenger.attach(dc);
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
      case FAILED -> handOff.run(() -> connection.close(EndReason.TRANSPORT_FAILED));
      case CLOSED -> handOff.run(() -> connection.close(EndReason.CLIENT_CLOSED));
      default -> {}
    }
  }

  private void closeIfStillDisconnectedLater() {
    try {
      disconnectCheck =
          scheduler.schedule(
              () -> {
                if (session.stillDisconnected()) {
                  connection.close(EndReason.TRANSPORT_FAILED);
                }
              },
              DISCONNECT_GRACE.toMillis(),
              TimeUnit.MILLISECONDS);
    } catch (RuntimeException e) { // never into libwebrtc: see CallbackHandOff
      LOG.log(Level.FINE, "Not watching the disconnected peer " + connection.id(), e);
    }
  }
}
