package io.fastrtc.jakarta.runtime.webrtc;

import dev.onvoid.webrtc.RTCDataChannelBuffer;
import dev.onvoid.webrtc.RTCDataChannelObserver;

/**
 * The observer registered on a data channel: it forwards to the session's observer until {@link
 * #detach()}. webrtc-java 0.14 keeps a JNI global reference to a registered observer even after
 * {@code unregisterObserver()}, {@code close()} and {@code dispose()}
 * (DetachableChannelObserverTest), so whatever the registered object reaches stays in the heap for
 * good; found by the soak, where every WebRTC connection's whole graph (handler lane, buffers,
 * timers) stayed, about 50 KB each. Registered through this shell, only the shell stays.
 */
final class DetachableChannelObserver implements RTCDataChannelObserver {
  private volatile RTCDataChannelObserver target;

  DetachableChannelObserver(RTCDataChannelObserver target) {
    this.target = target;
  }

  /** From now on callbacks go nowhere, and the target is no longer referenced. */
  void detach() {
    target = null;
  }

  @Override
  public void onBufferedAmountChange(long previousAmount) {
    RTCDataChannelObserver t = target;
    if (t != null) {
      t.onBufferedAmountChange(previousAmount);
    }
  }

  @Override
  public void onStateChange() {
    RTCDataChannelObserver t = target;
    if (t != null) {
      t.onStateChange();
    }
  }

  @Override
  public void onMessage(RTCDataChannelBuffer buffer) {
    RTCDataChannelObserver t = target;
    if (t != null) {
      t.onMessage(buffer);
    }
  }
}
