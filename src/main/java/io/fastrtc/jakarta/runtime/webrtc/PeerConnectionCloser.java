package io.fastrtc.jakarta.runtime.webrtc;

import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCRtpSender;
import dev.onvoid.webrtc.internal.NativeObject;
import dev.onvoid.webrtc.internal.RefCountedObject;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Closes a peer connection and frees the native references webrtc-java leaves behind.
 *
 * <p>webrtc-java up to 0.15.0 keeps one reference to the native peer connection for the Java {@link
 * RTCPeerConnection}, and {@code close()} calls libwebrtc's {@code Close()} but never {@code
 * Release()} (fixed upstream after 0.15.0, devopvoid/webrtc-java#239). The closed peer connection
 * then lives forever and holds the factory's {@code ConnectionContext}: disposing the factory frees
 * the factory object and stops its three threads, but the context and its media engine survive,
 * with the voice engine's task queue thread {@code rtc-low-prio}. In a server that is one native
 * thread (and the whole media engine) per application restart that carried a connection. The same
 * versions also never release the reference an {@link RTCRtpSender} from {@code addTrack} owns.
 *
 * <p>This class drops those references through webrtc-java's own {@link RefCountedObject#release()}
 * on the saved native pointer, after {@code close()}: senders first (the peer connection's
 * transceivers still hold them), then the peer connection, whose last reference goes and with it
 * the native object graph. Java wrappers webrtc-java created for the connection's transceivers,
 * receivers and remote tracks do not own references and must not be used afterwards. Newer or
 * unknown library versions get a plain {@code close()}: releasing a reference the library already
 * released would free memory twice.
 */
final class PeerConnectionCloser {
  private static final Logger LOG = Logger.getLogger(PeerConnectionCloser.class.getName());
  private static final String POM_PROPERTIES =
      "/META-INF/maven/dev.onvoid.webrtc/webrtc-java/pom.properties";
  private static final Field HANDLE = handleField();
  private static final String VERSION = libraryVersion();
  private static final boolean RELEASE_AFTER_CLOSE = decide();

  /** Loaded with this class: it is first used on the stop path, when the WAR may be gone. */
  @SuppressWarnings("unused")
  private static final Class<?> REFERENCE_CLASS = Reference.class;

  private PeerConnectionCloser() {}

  /**
   * Reads the library version and loads what closing needs, at startup: when a connection is only
   * closed at application stop, the WAR file may already be gone (replaced or removed in dropins)
   * and neither classes nor the version can be read from it any more.
   */
  static void prepare() {
    LOG.fine(
        () ->
            "webrtc-java "
                + VERSION
                + (RELEASE_AFTER_CLOSE
                    ? ": closed peer connections are released explicitly"
                    : ": closed peer connections are left to the library"));
  }

  /**
   * Closes {@code pc} and, on library versions that need it, releases the native references of the
   * peer connection and of the given senders it returned from {@code addTrack}. Call it once, off
   * libwebrtc's threads, after removing the senders' tracks.
   *
   * @return whether the native peer connection is gone (false on versions that release it
   *     themselves, where this cannot be seen, or when something else still holds it)
   */
  static boolean close(RTCPeerConnection pc, RTCRtpSender... ownedSenders) {
    if (!RELEASE_AFTER_CLOSE) {
      pc.close();
      return false;
    }
    long[] senders = new long[ownedSenders.length];
    for (int i = 0; i < ownedSenders.length; i++) {
      senders[i] = ownedSenders[i] == null ? 0 : handle(ownedSenders[i]);
    }
    long peer = handle(pc);
    pc.close();
    for (long sender : senders) {
      if (sender != 0) {
        release(sender);
      }
    }
    boolean gone = peer != 0 && release(peer);
    if (peer != 0 && !gone) {
      LOG.warning(
          "The closed native peer connection is still referenced; its libwebrtc objects and the"
              + " factory's media engine stay alive until that reference goes");
    }
    return gone;
  }

  /** The webrtc-java version in use, from its Maven metadata, or null when it is not there. */
  static String libraryVersion() {
    try (InputStream in = RTCPeerConnection.class.getResourceAsStream(POM_PROPERTIES)) {
      if (in == null) {
        return null;
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * Whether {@code RTCPeerConnection.close()} of this webrtc-java version leaves its reference to
   * the native peer connection unreleased: true for 0.x up to 0.15.x, whose native code was read.
   */
  static boolean closeLeavesReference(String version) {
    if (version == null) {
      return false;
    }
    String[] parts = version.split("[.-]", -1);
    try {
      return parts.length >= 2
          && Integer.parseInt(parts[0]) == 0
          && Integer.parseInt(parts[1]) <= 15;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static boolean decide() {
    if (VERSION == null || HANDLE == null) {
      LOG.warning(
          "webrtc-java "
              + (VERSION == null ? "of unknown version" : VERSION + " changed its internals")
              + ": closed peer connections are not released explicitly; if the library does"
              + " not release them itself, each application restart leaves a libwebrtc thread");
      return false;
    }
    return closeLeavesReference(VERSION);
  }

  /** Whether this process releases closed peer connections itself. */
  static boolean releasesAfterClose() {
    return RELEASE_AFTER_CLOSE;
  }

  private static long handle(NativeObject object) {
    try {
      return HANDLE.getLong(object);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Drops one reference to a native ref-counted object; true if it was the last one. */
  private static boolean release(long pointer) {
    Reference reference = new Reference();
    try {
      HANDLE.setLong(reference, pointer);
      reference.release();
      return HANDLE.getLong(reference) == 0;
    } catch (IllegalAccessException | RuntimeException | Error e) {
      LOG.log(Level.WARNING, "Releasing a native libwebrtc reference failed", e);
      return false;
    }
  }

  private static Field handleField() {
    try {
      Field field = NativeObject.class.getDeclaredField("nativeHandle");
      field.setAccessible(true);
      return field.getType() == long.class ? field : null;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  /** A borrowed native pointer, released through webrtc-java's own native {@code release()}. */
  private static final class Reference extends RefCountedObject {}
}
