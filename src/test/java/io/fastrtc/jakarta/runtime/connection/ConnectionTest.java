package io.fastrtc.jakarta.runtime.connection;

import static org.assertj.core.api.Assertions.assertThat;

import io.fastrtc.jakarta.api.AudioEmission;
import io.fastrtc.jakarta.api.AudioFrame;
import io.fastrtc.jakarta.api.Emission;
import io.fastrtc.jakarta.api.Modality;
import io.fastrtc.jakarta.api.Mode;
import io.fastrtc.jakarta.api.RealtimeStream;
import io.fastrtc.jakarta.api.StreamContext;
import io.fastrtc.jakarta.api.StreamException;
import io.fastrtc.jakarta.runtime.audio.Resampler;
import io.fastrtc.jakarta.runtime.stream.StreamDefinition;
import io.fastrtc.jakarta.runtime.wire.ErrorCode;
import io.fastrtc.jakarta.testing.Await;
import io.fastrtc.jakarta.testing.RecordingHandler;
import io.fastrtc.jakarta.testing.RecordingTransport;
import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConnectionTest {
  @RealtimeStream(name = "rec", modality = Modality.AUDIO, outputSampleRate = 48_000)
  static class Rec extends RecordingHandler {}

  @RealtimeStream(name = "send", modality = Modality.AUDIO, mode = Mode.SEND, concurrencyLimit = 2)
  static class SendOnly extends RecordingHandler {}

  @RealtimeStream(name = "rec24", modality = Modality.AUDIO, concurrencyLimit = 2)
  static class Rec24 extends RecordingHandler {}

  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final RuntimeServices services =
      new RuntimeServices(
          Runnable::run, scheduler, (in, out) -> Resampler.identity(in), new RuntimeMetrics());
  private final ConnectionRegistry registry = new ConnectionRegistry(services);
  private final RecordingHandler handler = new Rec();
  private final RecordingTransport transport = new RecordingTransport();
  private final AtomicInteger destroyed = new AtomicInteger();

  @AfterEach
  void stopScheduler() {
    scheduler.shutdownNow();
  }

  private Connection open(StreamDefinition stream, RecordingHandler h, String id) {
    Admission a = registry.admit(stream, id, s -> new HandlerLease(h, destroyed::incrementAndGet));
    assertThat(a.isAdmitted()).isTrue();
    a.connection().attach(transport);
    return a.connection();
  }

  private Connection started() {
    Connection c = open(StreamDefinition.of(Rec.class), handler, "c1");
    c.start();
    return c;
  }

  @Test
  void startsTheHandlerOnceWithItsContext() {
    Connection c = started();
    c.start();
    assertThat(handler.startUps).hasValue(1);
    assertThat(handler.context.connectionId()).isEqualTo("c1");
    assertThat(handler.context.streamName()).isEqualTo("rec");
  }

  @Test
  void audioThatStartUpMakesAvailableIsDrainedAtOnceWithoutAnInputOrATopUp() {
    short[] greeting = new short[960];
    java.util.Arrays.fill(greeting, (short) 700);
    RecordingHandler greeter =
        new Rec() {
          @Override
          public void startUp(StreamContext context) {
            super.startUp(context);
            toEmit.add(Emission.audio(AudioFrame.mono(48_000, greeting)));
          }
        };
    Connection c = open(StreamDefinition.of(Rec.class), greeter, "g1");

    c.start();
    c.tick(System.nanoTime(), false); // an odd tick: no top-up is asked for

    assertThat(transport.frames).hasSize(1);
    assertThat(transport.frames.get(0)).hasSize(480).containsOnly((short) 700);
    assertThat(greeter.context.bufferedAudioMillis()).isEqualTo(10);
  }

  @Test
  void startUpRunsBeforeAnInputThatArrivesWhileItIsRunning() throws Exception {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    CountDownLatch release = new CountDownLatch(1);
    java.util.List<String> calls = new CopyOnWriteArrayList<>();
    RecordingHandler slow =
        new Rec() {
          @Override
          public void startUp(StreamContext context) {
            calls.add("startUp");
            try {
              release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            super.startUp(context);
          }

          @Override
          public void receive(AudioFrame frame) {
            calls.add("receive");
          }
        };
    RuntimeServices pooled =
        new RuntimeServices(
            pool, scheduler, (in, out) -> Resampler.identity(in), new RuntimeMetrics());
    Connection c =
        new ConnectionRegistry(pooled)
            .admit(StreamDefinition.of(Rec.class), "p1", s -> new HandlerLease(slow, () -> {}))
            .connection();
    c.attach(transport);
    try {
      c.start();
      c.onInput(AudioFrame.mono(48_000, new short[960]), System.nanoTime());
      release.countDown();
      Await.until(() -> calls.size() == 2, Duration.ofSeconds(5), calls::toString);
      assertThat(calls).containsExactly("startUp", "receive");
    } finally {
      c.close(EndReason.SERVER_STOP);
      pool.shutdown();
    }
  }

  @Test
  void inputBeforeStartIsIgnoredLikeFastRtc() {
    Connection c = open(StreamDefinition.of(Rec.class), handler, "c1");
    c.onInput(AudioFrame.mono(48_000, new short[960]), 1);
    assertThat(handler.received).isEmpty();
  }

  @Test
  void emittedAudioIsPushedTenMillisecondsPerTickThenSilence() {
    Connection c = started();
    short[] tone = new short[960];
    java.util.Arrays.fill(tone, (short) 1000);
    handler.toEmit.add(Emission.audio(AudioFrame.mono(48_000, tone)));
    c.onInput(AudioFrame.mono(48_000, new short[960]), System.nanoTime());

    c.tick(System.nanoTime(), false);
    c.tick(System.nanoTime(), false);
    c.tick(System.nanoTime(), false);
    assertThat(transport.frames).hasSize(3);
    assertThat(transport.frames.get(0)).hasSize(480).containsOnly((short) 1000);
    assertThat(transport.frames.get(1)).containsOnly((short) 1000);
    assertThat(transport.frames.get(2)).containsOnly((short) 0);
    assertThat(services.metrics().snapshot().get("framesOut")).isEqualTo(2L);
  }

  @Test
  void flushDropsQueuedAudioAndTellsTheTransport() {
    Connection c = started();
    handler.toEmit.add(Emission.audio(AudioFrame.mono(48_000, new short[48_000])));
    c.onInput(AudioFrame.mono(48_000, new short[960]), 1);
    assertThat(handler.context.flushAudio()).isEqualTo(1000);
    assertThat(handler.context.flushAudio()).isZero();
    assertThat(transport.flushes).containsExactly(1000L, 0L);
  }

  @Test
  void anEmptyBufferGoesToPushSilenceSoMessageTransportsCanSendNothing() {
    Connection c = started();
    handler.toEmit.add(Emission.audio(AudioFrame.mono(48_000, new short[480])));
    c.onInput(AudioFrame.mono(48_000, new short[960]), 1);
    c.tick(System.nanoTime(), false);
    c.tick(System.nanoTime(), false);
    c.tick(System.nanoTime(), false);
    assertThat(transport.frames).hasSize(3);
    assertThat(transport.silences).hasValue(2);
  }

  @Test
  void sendsAtTheStreamsOutputRateUnlessTheTransportEncodesAtItsOwn() {
    Connection c = open(StreamDefinition.of(Rec24.class), new Rec24(), "d1");
    c.start();
    c.tick(System.nanoTime(), false);
    assertThat(transport.rates).containsExactly(24_000);
    assertThat(transport.frames.get(0)).hasSize(240);

    RecordingTransport opus = new RecordingTransport();
    opus.nativeRate = 48_000;
    RecordingHandler h = new Rec24();
    Admission a =
        registry.admit(StreamDefinition.of(Rec24.class), "o1", s -> new HandlerLease(h, () -> {}));
    a.connection().attach(opus);
    a.connection().start();
    short[] tone = new short[960];
    java.util.Arrays.fill(tone, (short) 900);
    h.toEmit.add(Emission.audio(AudioFrame.mono(48_000, tone)));
    a.connection().onInput(AudioFrame.mono(48_000, new short[960]), 1);
    a.connection().tick(System.nanoTime(), false);
    assertThat(opus.rates).containsExactly(48_000);
    assertThat(opus.frames.get(0)).hasSize(480).containsOnly((short) 900);
  }

  @Test
  void aTopUpIsNotQueuedWhenAnInputArrivedSinceTheLastOneForItDrainsItself() {
    AtomicInteger emits = new AtomicInteger();
    RecordingHandler h =
        new Rec() {
          @Override
          public synchronized AudioEmission emit() {
            emits.incrementAndGet();
            return super.emit();
          }
        };
    Connection c = open(StreamDefinition.of(Rec.class), h, "t1");
    c.start();
    int afterStart = emits.get();
    c.onInput(AudioFrame.mono(48_000, new short[960]), 1);
    assertThat(emits).hasValue(afterStart + 1); // the drain after the input
    ConnectionTicks.tick(c, 2); // the buffer is low, but the input has just been drained
    assertThat(emits).hasValue(afterStart + 1);
    ConnectionTicks.tick(c, 2); // no input since: the top-up asks the handler
    assertThat(emits).hasValue(afterStart + 2);
  }

  @Test
  void playbackEndsOnceTheBufferHasStayedEmptyAfterAudio() {
    AtomicInteger ended = new AtomicInteger();
    RecordingHandler h =
        new Rec() {
          @Override
          public void playbackEnded() {
            ended.incrementAndGet();
          }
        };
    Connection c = open(StreamDefinition.of(Rec.class), h, "p1");
    c.start();
    h.toEmit.add(Emission.audio(AudioFrame.mono(48_000, new short[960]))); // 20 ms
    c.onInput(AudioFrame.mono(48_000, new short[960]), 1);

    ConnectionTicks.tick(c, 2 + AudioOutput.PLAYBACK_END_TICKS - 1);
    assertThat(ended).hasValue(0);
    ConnectionTicks.tick(c, 1);
    assertThat(ended).hasValue(1);
    assertThat(transport.messages)
        .containsOnlyOnce("{\"type\":\"log\",\"data\":\"playback_ended\"}");
    ConnectionTicks.tick(c, 20);
    assertThat(ended).as("silence alone ends nothing").hasValue(1);
  }

  @Test
  void aTransportThatConfirmsPlaybackItselfIsNotPreempted() {
    transport.reportsPlayback = true;
    Connection c = started();
    handler.toEmit.add(Emission.audio(AudioFrame.mono(48_000, new short[960])));
    c.onInput(AudioFrame.mono(48_000, new short[960]), 1);
    ConnectionTicks.tick(c, 20);
    assertThat(transport.messages).noneMatch(m -> m.contains("playback_ended"));
    c.playbackEnded();
    assertThat(transport.messages).anyMatch(m -> m.contains("playback_ended"));
  }

  @Test
  void theContextSaysWhetherTheTransportIsAPhoneCall() {
    started();
    assertThat(handler.context.isPhone()).isFalse();
    transport.phone = true;
    assertThat(handler.context.isPhone()).isTrue();
  }

  @Test
  void outputsReachListenersAndTheClientIsToldToFetch() {
    Connection c = started();
    java.util.List<Object> seen = new java.util.ArrayList<>();
    c.onOutputs(seen::addAll);
    handler.toEmit.add(Emission.outputs("hello", 3));
    c.onInput(AudioFrame.mono(48_000, new short[960]), 1);
    assertThat(seen).containsExactly("hello", 3);
    assertThat(transport.messages).contains("{\"type\":\"fetch_output\",\"data\":[]}");
  }

  @Test
  void aThrowingHandlerSendsAnErrorClosesAndIsShutDownOnce() {
    Connection c = started();
    handler.failOnReceive = new StreamException("model unavailable");
    c.onInput(AudioFrame.mono(48_000, new short[960]), 1);

    assertThat(transport.messages)
        .contains("{\"type\":\"error\",\"message\":\"model unavailable\"}");
    assertThat(c.isOpen()).isFalse();
    assertThat(c.endReason()).isEqualTo(EndReason.HANDLER_ERROR);
    assertThat(handler.shutdowns).hasValue(1);
    assertThat(destroyed).hasValue(1);
    assertThat(transport.closes).hasValue(1);
    assertThat(registry.find("c1")).isEmpty();
  }

  @Test
  void closeRunsOnceWhateverEndsTheConnection() {
    Connection c = started();
    c.close(EndReason.CLIENT_CLOSED);
    c.close(EndReason.TIME_LIMIT);
    c.close(EndReason.SERVER_STOP);
    assertThat(c.endReason()).isEqualTo(EndReason.CLIENT_CLOSED);
    assertThat(handler.shutdowns).hasValue(1);
    assertThat(destroyed).hasValue(1);
    assertThat(transport.closes).hasValue(1);
  }

  @Test
  void closeStreamSendsEndStreamThenCloses() throws Exception {
    Connection c = started();
    handler.toEmit.add(Emission.close("bye"));
    c.onInput(AudioFrame.mono(48_000, new short[960]), 1);
    awaitClosed(c);
    assertThat(transport.messages).contains("{\"type\":\"end_stream\",\"data\":\"bye\"}");
    assertThat(c.endReason()).isEqualTo(EndReason.CLOSE_STREAM);
  }

  @Test
  void connectWatchdogClosesAConnectionThatNeverConnects() throws Exception {
    Connection c = started();
    c.armConnectWatchdog(Duration.ofMillis(50));
    awaitClosed(c);
    assertThat(c.endReason()).isEqualTo(EndReason.CONNECT_TIMEOUT);
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (handler.shutdowns.get() == 0 && System.nanoTime() < until) {
      Thread.sleep(5);
    }
    assertThat(handler.shutdowns).hasValue(1);
  }

  @Test
  void markConnectedDisarmsTheWatchdog() throws Exception {
    Connection c = started();
    c.armConnectWatchdog(Duration.ofSeconds(1));
    c.markConnected();
    scheduler.schedule(() -> {}, 1300, TimeUnit.MILLISECONDS).get();
    assertThat(c.isOpen()).isTrue();
  }

  @Test
  void sendModeIgnoresTheHandlersAudioAndPushesNothing() {
    RecordingHandler h = new SendOnly();
    Connection c = open(StreamDefinition.of(SendOnly.class), h, "s1");
    c.start();
    h.toEmit.add(Emission.audio(AudioFrame.mono(48_000, new short[960])));
    c.onInput(AudioFrame.mono(48_000, new short[960]), 1);
    c.tick(System.nanoTime(), false);
    assertThat(c.sendsAudio()).isFalse();
    assertThat(transport.frames).isEmpty();
    assertThat(h.received).hasSize(1);
  }

  @Test
  void registryEnforcesUniqueIdsAndTheLimitAndFreesSlotsOnClose() {
    StreamDefinition send = StreamDefinition.of(SendOnly.class);
    Connection first = open(send, new SendOnly(), "a");
    open(send, new SendOnly(), "b");
    Admission dup = registry.admit(send, "a", s -> new HandlerLease(new SendOnly(), () -> {}));
    assertThat(dup.refusal()).isEqualTo(ErrorCode.CONNECTION_ALREADY_EXISTS);
    Admission third = registry.admit(send, "c", s -> new HandlerLease(new SendOnly(), () -> {}));
    assertThat(third.refusal()).isEqualTo(ErrorCode.CONCURRENCY_LIMIT_REACHED);
    assertThat(third.limit()).isEqualTo(2);

    first.close(EndReason.CLIENT_CLOSED);
    assertThat(registry.closedRecently("a")).isTrue();
    assertThat(registry.count(send)).isEqualTo(1);
    assertThat(
            registry.admit(send, "c", s -> new HandlerLease(new SendOnly(), () -> {})).isAdmitted())
        .isTrue();
  }

  private static void awaitClosed(Connection c) throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (c.endReason() == null && System.nanoTime() < until) {
      Thread.sleep(5);
    }
    assertThat(c.isOpen()).isFalse();
    assertThat(c.endReason()).isNotNull();
  }

  @Test
  void closeAllWaitsForAReleaseAlreadyRunningOnAnotherThread() throws Exception {
    CountDownLatch releasing = new CountDownLatch(1);
    CountDownLatch mayFinish = new CountDownLatch(1);
    Connection c = open(StreamDefinition.of(Rec.class), handler, "slow");
    c.attach(
        new Transport() {
          @Override
          public void sendText(String message) {}

          @Override
          public void pushAudio(short[] frame, int sampleRate, int channels) {}

          @Override
          public void close() {
            releasing.countDown();
            try {
              mayFinish.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
        });
    c.start();
    ExecutorService other = Executors.newSingleThreadExecutor();
    try {
      other.execute(() -> c.close(EndReason.TRANSPORT_FAILED)); // a watchdog's close, say
      assertThat(releasing.await(5, TimeUnit.SECONDS)).isTrue();
      CountDownLatch stopped = new CountDownLatch(1);
      Thread stop =
          new Thread(
              () -> {
                registry.closeAll(EndReason.SERVER_STOP);
                stopped.countDown();
              });
      stop.start();

      assertThat(stopped.await(300, TimeUnit.MILLISECONDS)).isFalse(); // still releasing
      mayFinish.countDown();
      assertThat(stopped.await(5, TimeUnit.SECONDS)).isTrue();
      assertThat(c.release().isDone()).isTrue();
    } finally {
      mayFinish.countDown();
      other.shutdownNow();
    }
  }
}
