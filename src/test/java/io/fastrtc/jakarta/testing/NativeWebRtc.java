package io.fastrtc.jakarta.testing;

import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.RTCConfiguration;
import dev.onvoid.webrtc.media.audio.HeadlessAudioDeviceModule;

/**
 * The one headless webrtc-java setup shared by every test in the JVM, created on first use.
 *
 * <p>The order is fixed: load the library, create a {@link HeadlessAudioDeviceModule}, start its
 * playout (remote audio only reaches track sinks while playout runs) and its recording (pushing
 * into a {@code CustomAudioSource} without it aborts the JVM), and only then create the {@link
 * PeerConnectionFactory}. The objects live until the JVM exits; they are never disposed, because
 * disposing a factory under live peer connections crashes the process.
 */
public final class NativeWebRtc {

  /** The message of the exception thrown when the native library cannot be loaded. */
  public static final String INSTALL_HINT = "install libpulse0 (apt-get install libpulse0)";

  private static final Object LOCK = new Object();
  private static volatile Setup setup;
  private static IllegalStateException failure;

  private NativeWebRtc() {}

  /**
   * The shared factory, creating the headless audio device module and factory on first call.
   *
   * @return the process-wide factory
   * @throws IllegalStateException with message {@link #INSTALL_HINT} if webrtc-java cannot load
   */
  public static PeerConnectionFactory factory() {
    return setup().factory;
  }

  /**
   * The shared headless audio device module (playout and recording already started).
   *
   * @return the process-wide audio device module
   * @throws IllegalStateException with message {@link #INSTALL_HINT} if webrtc-java cannot load
   */
  public static HeadlessAudioDeviceModule audioDeviceModule() {
    return setup().adm;
  }

  /**
   * A fresh configuration without ICE servers: host candidates only, as tests on one machine need.
   *
   * @return a new mutable configuration
   */
  public static RTCConfiguration configuration() {
    return new RTCConfiguration();
  }

  /**
   * Whether the native library loads here, without throwing; for {@code assumeTrue} guards.
   *
   * @return true if {@link #factory()} works
   */
  public static boolean isAvailable() {
    try {
      setup();
      return true;
    } catch (IllegalStateException e) {
      return false;
    }
  }

  private static Setup setup() {
    Setup current = setup;
    if (current != null) {
      return current;
    }
    synchronized (LOCK) {
      if (setup == null) {
        if (failure != null) {
          throw failure;
        }
        try {
          setup = create();
        } catch (LinkageError | RuntimeException e) {
          // UnsatisfiedLinkError (missing libpulse.so.0) escapes webrtc-java's static
          // initialisers unwrapped; later attempts see NoClassDefFoundError instead.
          failure = new IllegalStateException(INSTALL_HINT, e);
          throw failure;
        }
      }
      return setup;
    }
  }

  private static Setup create() {
    long start = System.nanoTime();
    HeadlessAudioDeviceModule adm = new HeadlessAudioDeviceModule();
    adm.initPlayout();
    adm.startPlayout();
    adm.initRecording();
    adm.startRecording();
    PeerConnectionFactory factory = new PeerConnectionFactory(adm);
    System.Logger log = System.getLogger(NativeWebRtc.class.getName());
    log.log(
        System.Logger.Level.INFO,
        "webrtc-java headless factory ready in {0} ms",
        (System.nanoTime() - start) / 1_000_000);
    return new Setup(adm, factory);
  }

  private record Setup(HeadlessAudioDeviceModule adm, PeerConnectionFactory factory) {}
}
