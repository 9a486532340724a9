package io.fastrtc.jakarta.runtime.socket;

import static org.assertj.core.api.Assertions.assertThat;

import io.fastrtc.jakarta.testing.FakeSocket;
import jakarta.websocket.CloseReason;
import jakarta.websocket.CloseReason.CloseCodes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SocketSenderTest {
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final FakeSocket socket = new FakeSocket();
  private final List<String> failures = new CopyOnWriteArrayList<>();
  private final SocketSender sender =
      new SocketSender(socket.session, Runnable::run, scheduler, failures::add);

  @AfterEach
  void stopScheduler() {
    scheduler.shutdownNow();
  }

  @Test
  void framesLeaveInOrderWhetherSendsCompleteAtOnceOrLater() {
    sender.send("a");
    socket.hold();
    sender.send("b");
    sender.send("c");
    assertThat(socket.sent).containsExactly("a", "b");
    assertThat(sender.queued()).isEqualTo(1);
    socket.release();
    assertThat(socket.sent).containsExactly("a", "b", "c");
    assertThat(sender.queued()).isZero();
  }

  @Test
  void closeWaitsForQueuedFramesThenCloses() {
    socket.hold();
    sender.send("last words");
    sender.send("really last");
    sender.close(new CloseReason(CloseCodes.NORMAL_CLOSURE, "bye"));
    assertThat(sender.send("too late")).isFalse();
    assertThat(socket.closeReason()).isNull();
    socket.release();
    assertThat(socket.sent).containsExactly("last words", "really last");
    assertThat(socket.closeReason().getReasonPhrase()).isEqualTo("bye");
  }

  @Test
  void closeGivesUpOnAClientThatNeverReads() {
    socket.hold();
    sender.send("stuck");
    sender.close(new CloseReason(CloseCodes.NORMAL_CLOSURE, "bye"));
    assertThat(socket.awaitClosed().getReasonPhrase()).isEqualTo("bye");
  }

  @Test
  void aFullQueueFailsOnceAndDropsEverything() {
    socket.hold();
    for (int i = 0; i <= SocketSender.MAX_QUEUED + 5; i++) {
      sender.send("frame " + i);
    }
    assertThat(failures).singleElement().asString().contains("not reading");
    assertThat(sender.queued()).isZero();
    assertThat(sender.send("more")).isFalse();
  }

  @Test
  void aFailedWriteIsReported() {
    SocketSender broken = new SocketSender(brokenSocket(), Runnable::run, scheduler, failures::add);
    broken.send("x");
    assertThat(failures).singleElement().asString().contains("sending failed");
  }

  private static jakarta.websocket.Session brokenSocket() {
    return (jakarta.websocket.Session)
        java.lang.reflect.Proxy.newProxyInstance(
            SocketSenderTest.class.getClassLoader(),
            new Class<?>[] {jakarta.websocket.Session.class},
            (p, m, a) -> {
              if (m.getName().equals("getAsyncRemote")) {
                throw new IllegalStateException("socket is gone");
              }
              return m.getName().equals("isOpen") ? Boolean.FALSE : null;
            });
  }
}
