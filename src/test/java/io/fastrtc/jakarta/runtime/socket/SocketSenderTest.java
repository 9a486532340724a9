package io.fastrtc.jakarta.runtime.socket;

import static org.assertj.core.api.Assertions.assertThat;

import io.fastrtc.jakarta.testing.FakeSocket;
import jakarta.websocket.CloseReason;
import jakarta.websocket.CloseReason.CloseCodes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
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
  void fewButLargeMessagesFailOnceTheirCharactersPassTheBound() {
    socket.hold();
    String large = "x".repeat(32 * 1024);
    int fit = SocketSender.MAX_QUEUED_CHARS / large.length();
    for (int i = 0; i <= fit; i++) { // one in flight, then `fit` waiting
      assertThat(sender.send(large)).isTrue();
    }
    assertThat(failures).isEmpty();
    assertThat(sender.send(large)).isFalse();
    assertThat(failures).singleElement().asString().contains("not reading").contains("characters");
    assertThat(sender.queued()).isZero();
  }

  @Test
  void aMessageThatDoesNotLeaveWithinTheStallTimeoutFailsAtTheNextOne() {
    AtomicLong now = new AtomicLong();
    SocketSender timed =
        new SocketSender(socket.session, Runnable::run, scheduler, failures::add, now::get);
    socket.hold();
    timed.send("stuck in the TCP window");
    now.addAndGet(SocketSender.STALL_TIMEOUT.toNanos());
    assertThat(timed.send("still within the timeout")).isTrue();
    now.addAndGet(1_000_000);
    assertThat(timed.send("one too late")).isFalse();
    assertThat(failures).singleElement().asString().contains("not reading").contains("not left");
  }

  @Test
  void aSenderIdleForLongerThanTheStallTimeoutIsNotFailed() {
    AtomicLong now = new AtomicLong();
    SocketSender timed =
        new SocketSender(socket.session, Runnable::run, scheduler, failures::add, now::get);
    timed.send("left at once");
    now.addAndGet(SocketSender.STALL_TIMEOUT.toNanos() * 3);
    socket.hold();
    assertThat(timed.send("sent after a quiet minute")).isTrue();
    assertThat(timed.send("queued behind it")).isTrue();
    assertThat(failures).isEmpty();
  }

  @Test
  void closingAfterAStallClosesTheSocketOffTheCallersThread() {
    List<Runnable> later = new CopyOnWriteArrayList<>();
    SocketSender stalled = new SocketSender(socket.session, later::add, scheduler, failures::add);
    socket.hold();
    for (int i = 0; i <= SocketSender.MAX_QUEUED + 1; i++) {
      stalled.send("frame " + i);
    }
    stalled.close(new CloseReason(CloseCodes.UNEXPECTED_CONDITION, "transport_failed"));
    assertThat(socket.closeReason()).as("not closed on the caller's thread").isNull();
    later.forEach(Runnable::run); // the failure report, then the close
    assertThat(socket.closeReason().getReasonPhrase()).isEqualTo("transport_failed");
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
