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
    if (nativeJarMissing(error)) {
      return "WebRTC is unavailable: webrtc-java's native library for "
          + os
          + " is not in the application. Add dev.onvoid.webrtc:webrtc-java:0.14.0 with the"
          + " classifier of this platform (linux-x86_64 here) to WEB-INF/lib, then redeploy.";
    }
    return "WebRTC is unavailable: webrtc-java's native library failed to load on "
        + os
        + " (supported here: Linux x86_64 with glibc). Cause: "
        + error;
  }

  /**
   * webrtc-java's loader copies the library from its class loader's resources; without the native
   * jar the resource is null and the copy fails with a {@link NullPointerException} thrown inside
   * the loader.
   */
  private static boolean nativeJarMissing(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof NullPointerException) {
        for (StackTraceElement frame : t.getStackTrace()) {
          if (frame.getClassName().equals("dev.onvoid.webrtc.internal.NativeLoader")) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
