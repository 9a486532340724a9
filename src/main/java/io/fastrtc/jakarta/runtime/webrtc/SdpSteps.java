package io.fastrtc.jakarta.runtime.webrtc;

import dev.onvoid.webrtc.CreateSessionDescriptionObserver;
import dev.onvoid.webrtc.RTCAnswerOptions;
import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCSessionDescription;
import dev.onvoid.webrtc.SetSessionDescriptionObserver;
import io.fastrtc.jakarta.api.StreamException;
import java.util.concurrent.CompletableFuture;

/** webrtc-java's SDP callbacks as futures; failures carry the step that failed. */
final class SdpSteps {
  private SdpSteps() {}

  static CompletableFuture<Void> setRemote(RTCPeerConnection pc, RTCSessionDescription offer) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    try {
      pc.setRemoteDescription(offer, observer("setRemoteDescription", done));
    } catch (Error e) { // webrtc-java reports SDP parse failures as java.lang.Error
      done.completeExceptionally(
          new StreamException("setRemoteDescription failed: " + e.getMessage()));
    }
    return done;
  }

  static CompletableFuture<Void> setLocal(RTCPeerConnection pc, RTCSessionDescription answer) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    try {
      pc.setLocalDescription(answer, observer("setLocalDescription", done));
    } catch (Error e) {
      done.completeExceptionally(
          new StreamException("setLocalDescription failed: " + e.getMessage()));
    }
    return done;
  }

  static CompletableFuture<RTCSessionDescription> createAnswer(RTCPeerConnection pc) {
    CompletableFuture<RTCSessionDescription> done = new CompletableFuture<>();
    pc.createAnswer(
        new RTCAnswerOptions(),
        new CreateSessionDescriptionObserver() {
          @Override
          public void onSuccess(RTCSessionDescription description) {
            done.complete(description);
          }

          @Override
          public void onFailure(String error) {
            done.completeExceptionally(new StreamException("createAnswer failed: " + error));
          }
        });
    return done;
  }

  private static SetSessionDescriptionObserver observer(String step, CompletableFuture<Void> done) {
    return new SetSessionDescriptionObserver() {
      @Override
      public void onSuccess() {
        done.complete(null);
      }

      @Override
      public void onFailure(String error) {
        done.completeExceptionally(new StreamException(step + " failed: " + error));
      }
    };
  }
}
