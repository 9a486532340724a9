package io.fastrtc.jakarta.testkit;

import io.fastrtc.jakarta.api.NoInputs;
import io.fastrtc.jakarta.api.StreamContext;
import io.fastrtc.jakarta.api.StreamUser;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link StreamContext} for unit tests: records every message the handler sends, holds the inputs
 * a test sets, and counts audio flushes. Use it alone (call the handler's methods yourself) or give
 * it to {@link HandlerTester#start(io.fastrtc.jakarta.api.HandlerLifecycle, FakeStreamContext)}.
 * Safe to use from any thread.
 */
public final class FakeStreamContext implements StreamContext {
  private final String connectionId;
  private final String streamName;
  private final List<SentMessage> sent = new CopyOnWriteArrayList<>();
  private final BlockingQueue<SentMessage> unread = new LinkedBlockingQueue<>();
  private final Object inputsLock = new Object();
  private Object inputs;
  private long inputsVersion;
  private final AtomicLong bufferedMicros = new AtomicLong();
  private final AtomicInteger flushes = new AtomicInteger();
  private volatile boolean phone;
  private volatile StreamUser user;
  private volatile boolean open = true;

  /** A context for connection {@code "test"} of stream {@code "test"}. */
  public FakeStreamContext() {
    this("test", "test");
  }

  /** A context with the given connection id and stream name. */
  public FakeStreamContext(String connectionId, String streamName) {
    this.connectionId = Objects.requireNonNull(connectionId, "connectionId == null");
    this.streamName = Objects.requireNonNull(streamName, "streamName == null");
  }

  /**
   * Sets the inputs, as a client's {@code POST /input_hook} would, and wakes {@link
   * #waitForInputs}.
   *
   * @param inputs an instance of the stream's inputs record
   * @return this context
   */
  public FakeStreamContext setInputs(Record inputs) {
    return replaceInputs(Objects.requireNonNull(inputs, "inputs == null"));
  }

  /**
   * Sets untyped inputs, for a stream without an inputs record ({@link #latestInputs()}).
   *
   * @return this context
   */
  public FakeStreamContext setInputs(Map<String, Object> inputs) {
    return replaceInputs(Map.copyOf(inputs));
  }

  /**
   * Makes this context a phone call ({@link #isPhone()}); {@link #waitForInputs} then returns false
   * at once, as on a real call.
   *
   * @return this context
   */
  public FakeStreamContext setPhone(boolean phone) {
    this.phone = phone;
    return this;
  }

  /**
   * Sets the signed-in user {@link #user()} reports, as under single sign-on; null for none.
   *
   * @return this context
   */
  public FakeStreamContext setUser(StreamUser user) {
    this.user = user;
    return this;
  }

  @Override
  public Optional<StreamUser> user() {
    return Optional.ofNullable(user);
  }

  /**
   * Sets what {@link #bufferedAudioMillis()} reports: audio produced but not yet played. A {@link
   * HandlerTester} keeps it up to date as audio is emitted and its clock plays it.
   *
   * @return this context
   */
  public FakeStreamContext setBufferedAudioMillis(long millis) {
    bufferedMicros.set(Math.max(0, millis) * 1000);
    return this;
  }

  /** Every message sent so far, in order. */
  public List<SentMessage> messages() {
    return List.copyOf(sent);
  }

  /**
   * The next message not yet returned by this method, waiting up to {@code timeout} for it.
   *
   * @throws AssertionError when none comes in time
   */
  public SentMessage awaitMessage(Duration timeout) {
    try {
      SentMessage next = unread.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
      if (next == null) {
        throw new AssertionError("no message within " + timeout + "; sent so far: " + sent);
      }
      return next;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for a message", e);
    }
  }

  /** How many times the handler called {@link #flushAudio()}. */
  public int flushes() {
    return flushes.get();
  }

  /** Marks the connection closed: {@link #isOpen()} turns false and waits end. */
  public void close() {
    open = false;
    synchronized (inputsLock) {
      inputsLock.notifyAll();
    }
  }

  @Override
  public String connectionId() {
    return connectionId;
  }

  @Override
  public String streamName() {
    return streamName;
  }

  @Override
  public void send(String message) {
    record(new SentMessage(SentMessage.RAW, Objects.requireNonNull(message, "message == null")));
  }

  @Override
  public void send(String type, Object data) {
    record(new SentMessage(Objects.requireNonNull(type, "type == null"), data));
  }

  @Override
  public void warn(String message) {
    record(new SentMessage("warning", message));
  }

  @Override
  public <T extends Record> T inputs(Class<T> type) {
    Objects.requireNonNull(type, "type == null");
    synchronized (inputsLock) {
      if (inputs == null) {
        inputs = InputDefaults.of(type);
      }
      if (!type.isInstance(inputs)) {
        throw new IllegalArgumentException(
            "the inputs are " + inputs.getClass().getName() + ", not " + type.getName());
      }
      return type.cast(inputs);
    }
  }

  @Override
  public Map<String, Object> latestInputs() {
    Object current;
    synchronized (inputsLock) {
      current = inputs;
    }
    if (current instanceof Record record && !(record instanceof NoInputs)) {
      Map<String, Object> values = new LinkedHashMap<>();
      for (RecordComponent component : record.getClass().getRecordComponents()) {
        try {
          values.put(component.getName(), component.getAccessor().invoke(record));
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException("cannot read input " + component.getName(), e);
        }
      }
      return values;
    }
    @SuppressWarnings("unchecked") // only setInputs(Map) stores a map, copied as Map<String,Object>
    Map<String, Object> map = current instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    return map;
  }

  @Override
  public boolean waitForInputs(Duration timeout) throws InterruptedException {
    if (phone) {
      return false;
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (inputsLock) {
      // Ask while holding the lock, so inputs set in answer cannot slip in before the wait.
      long version = inputsVersion;
      record(new SentMessage("send_input", List.of()));
      while (inputsVersion == version && open) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(inputsLock, left);
      }
      return inputsVersion != version;
    }
  }

  @Override
  public long flushAudio() {
    flushes.incrementAndGet();
    return bufferedMicros.getAndSet(0) / 1000;
  }

  @Override
  public long bufferedAudioMillis() {
    return bufferedMicros.get() / 1000;
  }

  @Override
  public boolean isPhone() {
    return phone;
  }

  @Override
  public boolean isOpen() {
    return open;
  }

  /** Adds audio the handler emitted, or plays some (negative), for {@link HandlerTester}. */
  void addBufferedAudio(double millis) {
    long micros = Math.round(millis * 1000);
    bufferedMicros.updateAndGet(now -> Math.max(0, now + micros));
  }

  private FakeStreamContext replaceInputs(Object value) {
    synchronized (inputsLock) {
      inputs = value;
      inputsVersion++;
      inputsLock.notifyAll();
    }
    return this;
  }

  private void record(SentMessage message) {
    sent.add(message);
    unread.add(message);
  }
}
