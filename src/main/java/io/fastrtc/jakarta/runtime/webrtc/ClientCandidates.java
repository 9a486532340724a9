package io.fastrtc.jakarta.runtime.webrtc;

import dev.onvoid.webrtc.RTCIceCandidate;
import dev.onvoid.webrtc.RTCPeerConnection;
import io.fastrtc.jakarta.api.StreamException;
import io.fastrtc.jakarta.runtime.wire.IceCandidate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;

/**
 * The client's ICE candidates for one peer: checked against the offer's media sections, held (up to
 * {@value #MAX_PENDING} of them) while the offer is being applied, then handed to libwebrtc.
 */
final class ClientCandidates {
  private static final Logger LOG = Logger.getLogger(PeerSession.class.getName());
  static final int MAX_PENDING = 32;

  private final RTCPeerConnection pc;
  private final String connectionId;
  private final BooleanSupplier closed;
  private volatile OfferShape offer;
  private final List<IceCandidate> pending = new ArrayList<>(); // guarded by itself
  private boolean remoteApplied; // guarded by pending

  ClientCandidates(RTCPeerConnection pc, String connectionId, BooleanSupplier closed) {
    this.pc = pc;
    this.connectionId = connectionId;
    this.closed = closed;
  }

  /** The offer being applied: from now on candidates are checked against its media sections. */
  void offer(OfferShape shape) {
    offer = shape;
  }

  /**
   * The offer is applied: adds the candidates sent with it ({@code early}) and those trickled
   * meanwhile; one that does not fit the offer is dropped.
   */
  void remoteApplied(List<IceCandidate> early) {
    List<IceCandidate> waiting = new ArrayList<>(early);
    synchronized (pending) {
      remoteApplied = true;
      waiting.addAll(pending);
      pending.clear();
    }
    waiting.forEach(this::addEarly);
  }

  /** An early candidate that does not fit the offer is dropped: it was answered already. */
  private void addEarly(IceCandidate candidate) {
    String problem = problem(candidate);
    try {
      if (problem == null) {
        add(candidate);
      }
    } catch (StreamException e) {
      problem = e.getMessage();
    }
    if (problem != null) {
      String why = problem;
      LOG.fine(() -> "Early candidate of " + connectionId + " dropped: " + why);
    }
  }

  /** See {@link PeerSession#candidateProblem}. */
  String problem(IceCandidate candidate) {
    OfferShape shape = offer;
    return shape == null
        ? null // checked when the offer is applied
        : shape.candidateProblem(candidate.sdpMid(), candidate.sdpMLineIndex());
  }

  /** See {@link PeerSession#addCandidate}. */
  void add(IceCandidate candidate) {
    synchronized (pending) {
      if (!remoteApplied) { // trickled while the offer is being applied: added right after it
        if (pending.size() < MAX_PENDING) {
          pending.add(candidate);
        }
        return;
      }
    }
    if (!closed.getAsBoolean()) {
      String mid = candidate.sdpMid() != null ? candidate.sdpMid() : "0";
      int index = Math.max(0, candidate.sdpMLineIndex());
      try {
        pc.addIceCandidate(new RTCIceCandidate(mid, index, candidate.candidate()));
      } catch (Error e) { // webrtc-java reports unparsable candidates as java.lang.Error
        throw new StreamException("addIceCandidate failed: " + e.getMessage());
      }
    }
  }
}
