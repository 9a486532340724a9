package io.fastrtc.jakarta.testing;

import dev.onvoid.webrtc.RTCIceCandidate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * POSTs a client's local candidates one by one, in order, on its own thread (never on libwebrtc's
 * signalling thread). Candidates that appear before the offer reply are held back until {@link
 * #offerAnswered()}, so the server knows the connection when they arrive.
 */
final class CandidateTrickler {

  private static final System.Logger LOG = System.getLogger(CandidateTrickler.class.getName());

  private final OfferEndpoint endpoint;
  private final String webrtcId;
  private final ExecutorService thread;
  private final List<RTCIceCandidate> pending = new ArrayList<>();
  private final List<OfferResult> replies = new CopyOnWriteArrayList<>();
  private boolean released;
  private boolean stopped;

  CandidateTrickler(OfferEndpoint endpoint, String webrtcId) {
    this.endpoint = endpoint;
    this.webrtcId = webrtcId;
    this.thread =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "candidate-trickle-" + webrtcId);
              t.setDaemon(true);
              return t;
            });
  }

  /** Queues or sends one local candidate; called from libwebrtc's signalling thread. */
  synchronized void add(RTCIceCandidate candidate) {
    if (stopped) {
      return;
    }
    if (released) {
      postLater(candidate);
    } else {
      pending.add(candidate);
    }
  }

  /** Sends every held candidate and sends later ones at once. */
  synchronized void offerAnswered() {
    released = true;
    pending.forEach(this::postLater);
    pending.clear();
  }

  List<OfferResult> replies() {
    return List.copyOf(replies);
  }

  /** Drops unsent candidates and stops the thread; an in-flight POST is interrupted. */
  synchronized void stop() {
    stopped = true;
    pending.clear();
    thread.shutdownNow();
  }

  private void postLater(RTCIceCandidate c) {
    thread.execute(
        () -> {
          try {
            replies.add(endpoint.postCandidate(webrtcId, c.sdp, c.sdpMid, c.sdpMLineIndex));
          } catch (RuntimeException e) {
            if (!isStopped()) { // an interrupted POST during close() is expected
              LOG.log(System.Logger.Level.WARNING, "candidate POST failed for " + webrtcId, e);
            }
          }
        });
  }

  private synchronized boolean isStopped() {
    return stopped;
  }
}
