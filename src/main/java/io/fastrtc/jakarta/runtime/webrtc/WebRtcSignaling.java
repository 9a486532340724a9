package io.fastrtc.jakarta.runtime.webrtc;

import io.fastrtc.jakarta.api.StreamUser;
import io.fastrtc.jakarta.runtime.connection.Admission;
import io.fastrtc.jakarta.runtime.connection.Connection;
import io.fastrtc.jakarta.runtime.connection.ConnectionRegistry;
import io.fastrtc.jakarta.runtime.connection.EndReason;
import io.fastrtc.jakarta.runtime.connection.HandlerLease;
import io.fastrtc.jakarta.runtime.connection.RuntimeServices;
import io.fastrtc.jakarta.runtime.stream.StreamDefinition;
import io.fastrtc.jakarta.runtime.wire.ErrorCode;
import io.fastrtc.jakarta.runtime.wire.IceCandidate;
import io.fastrtc.jakarta.runtime.wire.OfferRequest;
import io.fastrtc.jakarta.runtime.wire.SignalResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code POST /webrtc/offer}: offers become peer sessions, trickled candidates reach them, and
 * every refusal is the contract's body. Candidates that arrive before their offer are kept for a
 * short while and applied when it comes (FastRTC drops them); they are still answered with {@code
 * unknown_connection}, as FastRTC answers. Under single sign-on a connection belongs to the user
 * whose offer opened it: another user's candidates are answered as for an unknown id and never
 * reach it, not even as early candidates.
 */
public final class WebRtcSignaling {
  private static final Logger LOG = Logger.getLogger(WebRtcSignaling.class.getName());

  /** How long a connection may take to reach "connected" before it is closed (FastRTC: 30 s). */
  public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);

  private static final String TRANSPORT = "webrtc";
  private static final Duration OFFER_TIMEOUT = Duration.ofSeconds(10);
  private static final int MAX_EARLY_IDS = 256;
  private static final int MAX_EARLY_PER_ID = 32;
  private static final long EARLY_TTL_NANOS = Duration.ofSeconds(30).toNanos();

  private final WebRtcEngine engine;
  private final String unavailableReason;
  private final ConnectionRegistry registry;
  private final RuntimeServices services;
  private final Function<StreamDefinition, HandlerLease> handlers;
  private final Map<String, EarlyCandidates> early =
      new LinkedHashMap<>(16, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, EarlyCandidates> eldest) {
          return size() > MAX_EARLY_IDS;
        }
      };

  private record EarlyCandidates(long createdNanos, List<IceCandidate> candidates) {}

  /**
   * @param engine libwebrtc, or null when it could not start
   * @param unavailableReason why {@code engine} is null
   */
  public WebRtcSignaling(
      WebRtcEngine engine,
      String unavailableReason,
      ConnectionRegistry registry,
      RuntimeServices services,
      Function<StreamDefinition, HandlerLease> handlers) {
    this.engine = engine;
    this.unavailableReason = unavailableReason;
    this.registry = registry;
    this.services = services;
    this.handlers = handlers;
  }

  /** Handles one parsed request for a stream, without single sign-on. */
  public SignalResponse handle(StreamDefinition stream, OfferRequest request) {
    return handle(stream, request, null);
  }

  /**
   * Handles one parsed request for a stream on behalf of {@code caller}.
   *
   * @param caller the authenticated user, or null without single sign-on
   */
  public SignalResponse handle(StreamDefinition stream, OfferRequest request, StreamUser caller) {
    return handle(stream, request, caller, null);
  }

  /**
   * Handles one parsed request for a stream on behalf of {@code caller} at {@code remoteAddress}.
   *
   * @param caller the authenticated user, or null without single sign-on
   * @param remoteAddress the client's address for the connection log, or null
   */
  public SignalResponse handle(
      StreamDefinition stream, OfferRequest request, StreamUser caller, String remoteAddress) {
    return request.isCandidate()
        ? candidate(request, caller)
        : offer(stream, request, caller, remoteAddress);
  }

  private SignalResponse candidate(OfferRequest request, StreamUser caller) {
    IceCandidate candidate = request.candidate();
    Connection connection = registry.find(request.webrtcId(), caller).orElse(null);
    if (connection == null) {
      if (registry.closedRecently(request.webrtcId(), caller)) {
        return SignalResponse.failed(ErrorCode.CONNECTION_CLOSED);
      }
      if (candidate.hasValidFormat()) {
        keepEarly(earlyKey(request.webrtcId(), caller), candidate);
      }
      return SignalResponse.failed(ErrorCode.UNKNOWN_CONNECTION);
    }
    if (!candidate.hasValidFormat()) {
      return SignalResponse.failed(ErrorCode.INVALID_CANDIDATE_FORMAT);
    }
    if (!connection.isOpen() || !(connection.transport() instanceof PeerSession session)) {
      return SignalResponse.failed(ErrorCode.CONNECTION_CLOSED);
    }
    String problem = session.candidateProblem(candidate);
    if (problem != null) {
      return SignalResponse.rejected(200, ErrorCode.INVALID_CANDIDATE_FORMAT, problem);
    }
    try {
      session.addCandidate(candidate);
      return SignalResponse.success();
    } catch (RuntimeException e) {
      return SignalResponse.rejected(
          200, ErrorCode.INVALID_CANDIDATE_FORMAT, String.valueOf(e.getMessage()));
    }
  }

  private SignalResponse offer(
      StreamDefinition stream, OfferRequest request, StreamUser caller, String remoteAddress) {
    if (!registry.isAdmitting()) {
      // Before any SDP work: a load balancer retries elsewhere.
      services.metrics().events().refused(stream.name(), TRANSPORT, "server_draining");
      return SignalResponse.draining();
    }
    if (engine == null) {
      return SignalResponse.rejected(503, ErrorCode.WEBRTC_UNAVAILABLE, unavailableReason);
    }
    String problem = OfferShape.parse(request.sdp()).problemFor(stream);
    if (problem != null) {
      return SignalResponse.rejected(400, ErrorCode.OFFER_FAILED, problem);
    }
    Admission admission = registry.admit(stream, request.webrtcId(), caller, TRANSPORT, handlers);
    if (!admission.isAdmitted()) {
      return switch (admission.refusal()) {
        case CONCURRENCY_LIMIT_REACHED -> SignalResponse.concurrencyLimitReached(admission.limit());
        case SERVER_DRAINING -> SignalResponse.draining();
        default -> SignalResponse.failed(admission.refusal());
      };
    }
    Connection connection = admission.connection();
    try {
      PeerSession session =
          new PeerSession(
              engine, connection, services.resamplers(), services.executor(), services.scheduler());
      connection.attach(session, remoteAddress);
      connection.armConnectWatchdog(CONNECT_TIMEOUT);
      String answer =
          session.answer(
              request.sdp(), takeEarly(earlyKey(request.webrtcId(), caller)), OFFER_TIMEOUT);
      return SignalResponse.answer(answer);
    } catch (Exception e) {
      connection.close(EndReason.SETUP_FAILED);
      Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
      if (cause instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      LOG.log(Level.INFO, "Offer for " + request.webrtcId() + " failed: " + cause, cause);
      return SignalResponse.rejected(400, ErrorCode.OFFER_FAILED, describe(cause));
    }
  }

  private static String describe(Throwable cause) {
    if (cause instanceof java.util.concurrent.TimeoutException) {
      return "the offer could not be answered within " + OFFER_TIMEOUT.toSeconds() + " s";
    }
    return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
  }

  /** Early candidates are kept per id and user: one user's never reach another's connection. */
  private static String earlyKey(String id, StreamUser caller) {
    return (caller == null ? "" : caller.name()) + '\u0000' + id;
  }

  private void keepEarly(String id, IceCandidate candidate) {
    synchronized (early) {
      EarlyCandidates entry =
          early.computeIfAbsent(id, k -> new EarlyCandidates(System.nanoTime(), new ArrayList<>()));
      if (entry.candidates().size() < MAX_EARLY_PER_ID) {
        entry.candidates().add(candidate);
      }
    }
  }

  private List<IceCandidate> takeEarly(String id) {
    synchronized (early) {
      EarlyCandidates entry = early.remove(id);
      if (entry == null || System.nanoTime() - entry.createdNanos() > EARLY_TTL_NANOS) {
        return List.of();
      }
      return entry.candidates();
    }
  }
}
