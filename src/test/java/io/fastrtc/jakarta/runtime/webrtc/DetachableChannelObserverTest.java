package io.fastrtc.jakarta.runtime.webrtc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onvoid.webrtc.RTCDataChannel;
import dev.onvoid.webrtc.RTCDataChannelBuffer;
import dev.onvoid.webrtc.RTCDataChannelInit;
import dev.onvoid.webrtc.RTCDataChannelObserver;
import dev.onvoid.webrtc.RTCPeerConnection;
import io.fastrtc.jakarta.runtime.config.IceSettings;
import java.lang.ref.WeakReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * webrtc-java 0.14 keeps a data channel's registered observer reachable (a JNI global reference)
 * after {@code unregisterObserver()}, {@code close()} and {@code dispose()}, and after the peer is
 * released: the leak the soak found. Registered through {@link DetachableChannelObserver}, only the
 * shell stays and what it forwarded to can be collected.
 */
@Tag("native")
class DetachableChannelObserverTest {
  private WebRtcEngine engine;

  @BeforeEach
  void start() {
    engine = WebRtcEngine.start(IceSettings.none());
  }

  @AfterEach
  void stop() {
    engine.close();
  }

  /** Kept so that an upgrade of webrtc-java that fixes it shows up here. */
  @Test
  void theLibraryKeepsARegisteredObserverForGood() throws InterruptedException {
    Target target = new Target();
    WeakReference<Target> ref = new WeakReference<>(target);
    openAndClose(target);
    target = null;
    collect(ref);
    assertThat(ref.get()).isNotNull();
  }

  @Test
  void aDetachedShellLetsTheObserverGo() throws InterruptedException {
    Target target = new Target();
    WeakReference<Target> ref = new WeakReference<>(target);
    DetachableChannelObserver shell = openAndClose(new DetachableChannelObserver(target));
    shell.detach();
    target = null;
    collect(ref);
    assertThat(ref.get()).isNull();
  }

  @Test
  void forwardsUntilDetached() {
    Target target = new Target();
    DetachableChannelObserver shell = new DetachableChannelObserver(target);
    shell.onStateChange();
    shell.onBufferedAmountChange(1);
    shell.detach();
    shell.onStateChange();
    assertThat(target.calls).isEqualTo(2);
  }

  private <T extends RTCDataChannelObserver> T openAndClose(T observer) {
    RTCPeerConnection pc = engine.createPeerConnection(candidate -> {});
    RTCDataChannel dc = pc.createDataChannel("text", new RTCDataChannelInit());
    dc.registerObserver(observer);
    dc.unregisterObserver();
    dc.close();
    dc.dispose();
    engine.release(() -> PeerConnectionCloser.close(pc));
    return observer;
  }

  private static void collect(WeakReference<?> ref) throws InterruptedException {
    for (int i = 0; i < 20 && ref.get() != null; i++) {
      System.gc();
      Thread.sleep(50);
    }
  }

  private static final class Target implements RTCDataChannelObserver {
    int calls;

    @Override
    public void onBufferedAmountChange(long previousAmount) {
      calls++;
    }

    @Override
    public void onStateChange() {
      calls++;
    }

    @Override
    public void onMessage(RTCDataChannelBuffer buffer) {
      calls++;
    }
  }
}
