package io.fastrtc.jakarta.runtime.webrtc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onvoid.webrtc.RTCPeerConnection;
import io.fastrtc.jakarta.runtime.config.IceSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * webrtc-java's {@code RTCPeerConnection.close()} never releases the native peer connection, which
 * keeps the factory's media engine (thread {@code rtc-low-prio}) alive after the factory is
 * disposed; {@link PeerConnectionCloser} releases it. Threads are read from /proc, as RedeployIT
 * does for the server.
 */
@Tag("native")
class PeerConnectionCloserTest {

  @Test
  void knowsWhichLibraryVersionsLeaveTheReference() {
    assertThat(PeerConnectionCloser.closeLeavesReference("0.14.0")).isTrue();
    assertThat(PeerConnectionCloser.closeLeavesReference("0.15.0")).isTrue();
    assertThat(PeerConnectionCloser.closeLeavesReference("0.15.1-SNAPSHOT")).isTrue();
    assertThat(PeerConnectionCloser.closeLeavesReference("0.16.0")).isFalse();
    assertThat(PeerConnectionCloser.closeLeavesReference("1.0.0")).isFalse();
    assertThat(PeerConnectionCloser.closeLeavesReference(null)).isFalse();
  }

  @Test
  void theBundledLibraryIsRecognisedAndGetsTheRelease() {
    assertThat(PeerConnectionCloser.libraryVersion()).isEqualTo("0.14.0");
    assertThat(PeerConnectionCloser.releasesAfterClose()).isTrue();
  }

  /**
   * The minimal reproduction of the leak, kept so that an upgrade of webrtc-java that fixes it
   * shows up here (then revisit {@link PeerConnectionCloser#closeLeavesReference}). It leaves one
   * rtc-low-prio thread in this test JVM.
   */
  @Test
  void plainCloseLeavesTheMediaEngineThreadAfterTheFactoryIsDisposed() {
    List<String> before = libwebrtcThreads();
    WebRtcEngine engine = WebRtcEngine.start(IceSettings.none());
    RTCPeerConnection pc = engine.createPeerConnection(candidate -> {});
    pc.close();
    engine.close();

    List<String> after = libwebrtcThreads();
    assertThat(after).hasSize(before.size() + 1);
    assertThat(after.stream().filter("rtc-low-prio"::equals).count())
        .isEqualTo(before.stream().filter("rtc-low-prio"::equals).count() + 1);
  }

  @Test
  void releasedPeerConnectionLetsTheEngineStopEveryThread() {
    List<String> before = libwebrtcThreads();
    WebRtcEngine engine = WebRtcEngine.start(IceSettings.none());
    assertThat(libwebrtcThreads()).hasSizeGreaterThan(before.size());
    RTCPeerConnection pc = engine.createPeerConnection(candidate -> {});

    assertThat(PeerConnectionCloser.close(pc)).isTrue();
    engine.close();

    assertThat(libwebrtcThreads()).isEqualTo(before);
  }

  private static List<String> libwebrtcThreads() {
    try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
      return tasks
          .map(PeerConnectionCloserTest::threadName)
          .filter(n -> n.startsWith("webrtc") || n.startsWith("rtc-"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String threadName(Path task) {
    try {
      return Files.readString(task.resolve("comm")).trim();
    } catch (IOException e) {
      return ""; // the thread ended while we looked
    }
  }
}
