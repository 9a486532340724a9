package io.fastrtc.jakarta.runtime.webrtc;

import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.PeerConnectionObserver;
import dev.onvoid.webrtc.PortAllocatorConfig;
import dev.onvoid.webrtc.RTCConfiguration;
import dev.onvoid.webrtc.RTCIceServer;
import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.media.audio.HeadlessAudioDeviceModule;
import io.fastrtc.jakarta.runtime.audio.Resampler;
import io.fastrtc.jakarta.runtime.config.IceSettings;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * The application's libwebrtc: a headless audio device module and one peer connection factory,
 * created at startup and disposed when the application stops, so a redeploy leaves no native
 * threads behind.
 */
public final class WebRtcEngine implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(WebRtcEngine.class.getName());

  private final HeadlessAudioDeviceModule audioModule;
  private final PeerConnectionFactory factory;
  private final IceSettings ice;
  private final AtomicLong peersCreated = new AtomicLong();
  private final AtomicLong peersReleased = new AtomicLong();
  private boolean closed;

  private WebRtcEngine(
      HeadlessAudioDeviceModule audioModule, PeerConnectionFactory factory, IceSettings ice) {
    this.audioModule = audioModule;
    this.factory = factory;
    this.ice = ice;
  }

  /**
   * Loads libwebrtc and starts the factory. Playout and recording of the headless device start
   * before the factory exists: playout drives the delivery of received audio, and pushing audio
   * without recording started aborts the process inside libwebrtc.
   *
   * @throws WebRtcUnavailableException saying what to install when the native library is missing
   */
  public static WebRtcEngine start(IceSettings ice) {
    long t0 = System.nanoTime();
    NativeLibrary.load();
    HeadlessAudioDeviceModule adm;
    try {
      adm = new HeadlessAudioDeviceModule();
      adm.initPlayout();
      adm.startPlayout();
      adm.initRecording();
      adm.startRecording();
    } catch (RuntimeException | LinkageError e) {
      throw new WebRtcUnavailableException(NativeLibrary.explain(e), e);
    }
    PeerConnectionFactory factory = new PeerConnectionFactory(adm);
    PeerConnectionCloser.prepare();
    LOG.info(
        () ->
            "libwebrtc started in "
                + (System.nanoTime() - t0) / 1_000_000
                + " ms (ICE servers: "
                + ice.urls()
                + ")");
    return new WebRtcEngine(adm, factory, ice);
  }

  /** The resampler factory backed by libwebrtc. */
  public static Resampler.Factory resamplers() {
    return NativeResampler.factory();
  }

  PeerConnectionFactory factory() {
    return factory;
  }

  synchronized RTCPeerConnection createPeerConnection(PeerConnectionObserver observer) {
    keepAudioDeviceRunning();
    RTCConfiguration config = new RTCConfiguration();
    if (!ice.urls().isEmpty()) {
      RTCIceServer server = new RTCIceServer();
      server.urls.addAll(ice.urls());
      server.username = ice.username();
      server.password = ice.credential();
      config.iceServers.add(server);
    }
    if (ice.portMin() > 0) {
      PortAllocatorConfig ports = new PortAllocatorConfig();
      ports.minPort = ice.portMin();
      ports.maxPort = ice.portMax();
      config.portAllocatorConfig = ports;
    }
    RTCPeerConnection pc = factory.createPeerConnection(config, observer);
    peersCreated.incrementAndGet();
    return pc;
  }

  /**
   * Native peer connections created and not yet released: what the soak benchmark watches for leaks
   * (every connection's close path releases its peer through {@link #release}).
   *
   * @return peers created minus peers released so far
   */
  public long livePeers() {
    return peersCreated.get() - peersReleased.get();
  }

  /**
   * Native peer connections created so far.
   *
   * @return the count since start
   */
  public long peersCreated() {
    return peersCreated.get();
  }

  /**
   * Restarts the headless audio device's playout and recording where libwebrtc has stopped them (a
   * no-op while they run). libwebrtc stops recording when its last sending audio stream goes away;
   * with webrtc-java 0.14's headless device, a peer that only receives audio then gets no decoded
   * audio at all (a send-mode stream after a closed receive-mode one heard nothing).
   *
   * <p>libwebrtc stops recording only while a peer is being closed, and starting it at the same
   * time from another thread hangs inside the device. So peers are created and released under this
   * engine's lock ({@link #createPeerConnection}, {@link #release}), and this runs under it too,
   * never concurrently with a close.
   */
  private void keepAudioDeviceRunning() {
    if (closed) {
      return;
    }
    audioModule.startPlayout();
    audioModule.startRecording();
  }

  /**
   * Releases a peer (the action calls {@link PeerConnectionCloser}), then restarts the audio device
   * if releasing stopped it.
   *
   * @param release closes the peer connection and its tracks
   */
  synchronized void release(Runnable release) {
    try {
      release.run();
    } finally {
      peersReleased.incrementAndGet();
    }
    keepAudioDeviceRunning();
  }

  /**
   * Disposes the factory and stops the audio device. Call after every peer is closed through {@link
   * PeerConnectionCloser}: a peer connection that is only closed keeps the factory's media engine,
   * and its thread, alive after this returns.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    factory.dispose();
    audioModule.stopRecording();
    audioModule.stopPlayout();
    audioModule.dispose();
    LOG.info("libwebrtc stopped");
  }
}
