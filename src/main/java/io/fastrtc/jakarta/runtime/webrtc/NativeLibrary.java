package io.fastrtc.jakarta.runtime.webrtc;

import dev.onvoid.webrtc.internal.NativeLoader;

/** Loads webrtc-java's native library once and turns linker errors into instructions. */
final class NativeLibrary {
  private static volatile boolean loaded;

  private NativeLibrary() {}

  static synchronized void load() {
    if (loaded) {
      return;
    }
    try {
      NativeLoader.loadLibrary("webrtc-java");
      loaded = true;
    } catch (Exception | LinkageError e) {
      throw new WebRtcUnavailableException(explain(e), e);
    }
  }

  /** A message that says exactly what is missing, from the loader's error chain. */
  static String explain(Throwable error) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = error; t != null; t = t.getCause()) {
      text.append(t).append('\n');
    }
    String all = text.toString();
    if (all.contains("libpulse")) {
      return "WebRTC is unavailable: libwebrtc needs the PulseAudio client library libpulse.so.0, "
          + "even when no sound device is used. Install it: "
          + "'apt-get install libpulse0' (Debian/Ubuntu) or 'dnf install pulseaudio-libs' "
          + "(Fedora/RHEL), then restart the server.";
    }
    String os = System.getProperty("os.name") + "/" + System.getProperty("os.arch");
    return "WebRTC is unavailable: webrtc-java's native library failed to load on "
        + os
        + " (supported here: Linux x86_64 with glibc). Cause: "
        + error;
  }
}
