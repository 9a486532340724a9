package io.fastrtc.jakarta.runtime.connection;

import static org.assertj.core.api.Assertions.assertThat;

import io.fastrtc.jakarta.api.OutputEvent;
import io.fastrtc.jakarta.api.OutputSubscriber;
import io.fastrtc.jakarta.api.OutputSubscription;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OutputBufferTest {
  private final ExecutorService pool = Executors.newFixedThreadPool(4);

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  /** Records what a subscriber receives. */
  static final class Recorder implements OutputSubscriber {
    final List<Long> sequences = new CopyOnWriteArrayList<>();
    final List<Object> values = new CopyOnWriteArrayList<>();
    final List<Long> missed = new CopyOnWriteArrayList<>();
    final CountDownLatch ended = new CountDownLatch(1);
    final AtomicInteger ends = new AtomicInteger();
    volatile CountDownLatch gate;

    @Override
    public void onOutput(OutputEvent event) throws Exception {
      CountDownLatch g = gate;
      if (g != null) {
        g.await();
      }
      sequences.add(event.sequence());
      values.addAll(event.values());
    }

    @Override
    public void onMissed(long count) {
      missed.add(count);
    }

    @Override
    public void onEnd() {
      ends.incrementAndGet();
      ended.countDown();
    }

    void awaitEnd() throws InterruptedException {
      assertThat(ended.await(5, TimeUnit.SECONDS)).as("subscription ended").isTrue();
    }
  }

  @Test
  void everySubscriberGetsEveryOutputInOrderThenTheEnd() throws Exception {
    OutputBuffer buffer = new OutputBuffer(1000, pool);
    Recorder a = new Recorder();
    Recorder b = new Recorder();
    buffer.subscribe(0, a);
    buffer.subscribe(0, b);
    for (int i = 1; i <= 500; i++) {
      buffer.publish(List.of(i));
    }
    buffer.close();
    a.awaitEnd();
    b.awaitEnd();
    List<Long> expected = LongStream.rangeClosed(1, 500).boxed().toList();
    assertThat(a.sequences).isEqualTo(expected);
    assertThat(b.sequences).isEqualTo(expected);
    assertThat(a.values).first().isEqualTo(1);
    assertThat(a.ends).hasValue(1);
    assertThat(buffer.subscriberCount()).isZero();
    assertThat(buffer.dropped()).isZero();
  }

  @Test
  void aLateSubscriberFirstGetsWhatIsKeptAndCanResumeAfterASequence() throws Exception {
    OutputBuffer buffer = new OutputBuffer(10, Runnable::run);
    for (int i = 1; i <= 5; i++) {
      buffer.publish(List.of(i));
    }
    Recorder all = new Recorder();
    Recorder resumed = new Recorder();
    buffer.subscribe(0, all);
    buffer.subscribe(3, resumed);
    buffer.publish(List.of(6));
    assertThat(all.sequences).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
    assertThat(resumed.sequences).containsExactly(4L, 5L, 6L);
  }

  @Test
  void overflowDropsTheOldestAndTellsTheSubscriberHowManyItMissed() throws Exception {
    OutputBuffer buffer = new OutputBuffer(4, pool);
    for (int i = 1; i <= 10; i++) {
      buffer.publish(List.of(i));
    }
    assertThat(buffer.dropped()).isEqualTo(6);
    Recorder late = new Recorder();
    buffer.subscribe(0, late);
    buffer.close();
    late.awaitEnd();
    assertThat(late.missed).containsExactly(6L);
    assertThat(late.sequences).containsExactly(7L, 8L, 9L, 10L);
  }

  @Test
  void aSlowSubscriberLosesTheMiddleButNotTheNewestAndDoesNotSlowOthers() throws Exception {
    OutputBuffer buffer = new OutputBuffer(8, pool);
    Recorder slow = new Recorder();
    Recorder fast = new Recorder();
    CountDownLatch gate = new CountDownLatch(1);
    slow.gate = gate;
    buffer.subscribe(0, slow);
    buffer.subscribe(0, fast);
    for (int i = 1; i <= 100; i++) {
      buffer.publish(List.of(i));
    }
    awaitLast(fast.sequences, 100L);
    assertThat(slow.sequences).as("the slow one is still stuck on its first output").isEmpty();
    assertThat(fast.sequences.size() + fast.missed.stream().mapToLong(Long::longValue).sum())
        .isEqualTo(100);
    gate.countDown();
    buffer.close();
    slow.awaitEnd();
    assertThat(slow.sequences).endsWith(93L, 94L, 95L, 96L, 97L, 98L, 99L, 100L);
    long received = slow.sequences.size();
    long missed = slow.missed.stream().mapToLong(Long::longValue).sum();
    assertThat(received + missed).as("every output received or counted as missed").isEqualTo(100);
    assertThat(slow.sequences).isSorted();
  }

  @Test
  void cancellingStopsDeliveryAndEndsOnce() throws Exception {
    OutputBuffer buffer = new OutputBuffer(8, Runnable::run);
    Recorder r = new Recorder();
    OutputSubscription s = buffer.subscribe(0, r);
    buffer.publish(List.of("a"));
    s.close();
    s.close();
    buffer.publish(List.of("b"));
    assertThat(r.values).containsExactly("a");
    assertThat(r.ends).hasValue(1);
    assertThat(buffer.subscriberCount()).isZero();
  }

  @Test
  void aThrowingSubscriberIsEndedWithoutAffectingOthers() throws Exception {
    OutputBuffer buffer = new OutputBuffer(8, Runnable::run);
    AtomicInteger ends = new AtomicInteger();
    buffer.subscribe(
        0,
        new OutputSubscriber() {
          @Override
          public void onOutput(OutputEvent event) {
            throw new IllegalStateException("client gone");
          }

          @Override
          public void onEnd() {
            ends.incrementAndGet();
          }
        });
    Recorder ok = new Recorder();
    buffer.subscribe(0, ok);
    buffer.publish(List.of(1));
    buffer.publish(List.of(2));
    assertThat(ends).hasValue(1);
    assertThat(ok.sequences).containsExactly(1L, 2L);
  }

  @Test
  void publishingAfterCloseIsIgnoredAndASubscriberOfAClosedBufferEndsAtOnce() throws Exception {
    OutputBuffer buffer = new OutputBuffer(8, Runnable::run);
    buffer.publish(List.of(1));
    buffer.close();
    buffer.publish(List.of(2));
    Recorder r = new Recorder();
    buffer.subscribe(0, r);
    r.awaitEnd();
    assertThat(r.sequences).containsExactly(1L);
  }

  private static void awaitLast(List<Long> list, long last) throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while ((list.isEmpty() || list.get(list.size() - 1) != last) && System.nanoTime() < until) {
      Thread.sleep(2);
    }
    assertThat(list).last().isEqualTo(last);
  }
}
