package io.fastrtc.jakarta.testing;

import dev.onvoid.webrtc.CreateSessionDescriptionObserver;
import dev.onvoid.webrtc.RTCAnswerOptions;
import dev.onvoid.webrtc.RTCOfferOptions;
import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCSessionDescription;
import dev.onvoid.webrtc.SetSessionDescriptionObserver;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Blocking adapters over webrtc-java's offer/answer callbacks. Never call these from a libwebrtc
 * callback thread: they wait for a callback that the same thread would have to deliver.
 */
public final class SessionDescriptions {

  private static final long TIMEOUT_SECONDS = 10;

  private SessionDescriptions() {}

  /**
   * Creates an offer (not yet applied).
   *
   * @param pc the peer connection
   * @return the offer
   */
  public static RTCSessionDescription createOffer(RTCPeerConnection pc) {
    CompletableFuture<RTCSessionDescription> result = new CompletableFuture<>();
    pc.createOffer(new RTCOfferOptions(), creation(result));
    return await(result, "createOffer");
  }

  /**
   * Creates an answer (not yet applied) after the remote offer was set.
   *
   * @param pc the peer connection
   * @return the answer
   */
  public static RTCSessionDescription createAnswer(RTCPeerConnection pc) {
    CompletableFuture<RTCSessionDescription> result = new CompletableFuture<>();
    pc.createAnswer(new RTCAnswerOptions(), creation(result));
    return await(result, "createAnswer");
  }

  /**
   * Applies a local description and waits for success.
   *
   * @param pc the peer connection
   * @param description the description to apply
   */
  public static void setLocal(RTCPeerConnection pc, RTCSessionDescription description) {
    CompletableFuture<Void> result = new CompletableFuture<>();
    pc.setLocalDescription(description, setting(result));
    await(result, "setLocalDescription");
  }

  /**
   * Applies a remote description and waits for success.
   *
   * @param pc the peer connection
   * @param description the description to apply
   */
  public static void setRemote(RTCPeerConnection pc, RTCSessionDescription description) {
    CompletableFuture<Void> result = new CompletableFuture<>();
    pc.setRemoteDescription(description, setting(result));
    await(result, "setRemoteDescription");
  }

  private static CreateSessionDescriptionObserver creation(
      CompletableFuture<RTCSessionDescription> result) {
    return new CreateSessionDescriptionObserver() {
      @Override
      public void onSuccess(RTCSessionDescription description) {
        result.complete(description);
      }

      @Override
      public void onFailure(String error) {
        result.completeExceptionally(new IllegalStateException(error));
      }
    };
  }

  private static SetSessionDescriptionObserver setting(CompletableFuture<Void> result) {
    return new SetSessionDescriptionObserver() {
      @Override
      public void onSuccess() {
        result.complete(null);
      }

      @Override
      public void onFailure(String error) {
        result.completeExceptionally(new IllegalStateException(error));
      }
    };
  }

  private static <T> T await(CompletableFuture<T> future, String step) {
    try {
      return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException(step + " failed: " + e.getCause().getMessage(), e);
    } catch (TimeoutException e) {
      throw new IllegalStateException(step + " timed out after " + TIMEOUT_SECONDS + " s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(step + " interrupted", e);
    }
  }
}
