package io.fastrtc.jakarta.runtime;

import io.fastrtc.jakarta.runtime.config.Settings;
import io.fastrtc.jakarta.runtime.connection.HandlerLease;
import io.fastrtc.jakarta.runtime.stream.StreamDefinition;
import jakarta.validation.Validator;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.function.Function;

/**
 * Builds a {@link FastRtcEngine} from {@link Settings} and what the container provides. The
 * container passes its managed executors; a test passes plain ones and gets the same engine.
 *
 * <pre>{@code
 * FastRtcEngine engine =
 *     FastRtcEngine.builder(Settings.defaults())
 *         .executor(executor)
 *         .scheduler(scheduler)
 *         .threads(Thread::new)
 *         .handlers(stream -> new HandlerLease(new MyHandler(), () -> {}))
 *         .validator(validator)
 *         .build();
 * }</pre>
 */
public final class FastRtcEngineBuilder {
  final Settings settings;
  Executor executor;
  ScheduledExecutorService scheduler;
  ThreadFactory threads;
  Function<StreamDefinition, HandlerLease> handlers;
  Validator validator;
  Runnable beforeWebRtcDispose = () -> {};

  FastRtcEngineBuilder(Settings settings) {
    this.settings = Objects.requireNonNull(settings, "settings == null");
  }

  /** Runs handler calls and connection work. */
  public FastRtcEngineBuilder executor(Executor executor) {
    this.executor = Objects.requireNonNull(executor, "executor == null");
    return this;
  }

  /** Runs the timers: watchdogs, grace periods, time limits. */
  public FastRtcEngineBuilder scheduler(ScheduledExecutorService scheduler) {
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler == null");
    return this;
  }

  /** Makes the audio clock's thread. */
  public FastRtcEngineBuilder threads(ThreadFactory threads) {
    this.threads = Objects.requireNonNull(threads, "threads == null");
    return this;
  }

  /** Leases a fresh handler for each connection of a stream and releases it when it closes. */
  public FastRtcEngineBuilder handlers(Function<StreamDefinition, HandlerLease> handlers) {
    this.handlers = Objects.requireNonNull(handlers, "handlers == null");
    return this;
  }

  /** Validates the inputs a telephone call sets. */
  public FastRtcEngineBuilder validator(Validator validator) {
    this.validator = Objects.requireNonNull(validator, "validator == null");
    return this;
  }

  /**
   * Runs when {@link FastRtcEngine#stop()} has closed the connections and stopped the clock, just
   * before libwebrtc is disposed; a test lets the closes still running on its executor finish here,
   * as disposing the factory under a closing peer crashes the process. Nothing by default.
   */
  public FastRtcEngineBuilder beforeWebRtcDispose(Runnable beforeWebRtcDispose) {
    this.beforeWebRtcDispose =
        Objects.requireNonNull(beforeWebRtcDispose, "beforeWebRtcDispose == null");
    return this;
  }

  /**
   * Starts the engine.
   *
   * @throws NullPointerException naming the first part not given
   * @throws IllegalArgumentException naming the setting when the server's ICE settings are invalid
   */
  public FastRtcEngine build() {
    Objects.requireNonNull(executor, "executor == null");
    Objects.requireNonNull(scheduler, "scheduler == null");
    Objects.requireNonNull(threads, "threads == null");
    Objects.requireNonNull(handlers, "handlers == null");
    Objects.requireNonNull(validator, "validator == null");
    return new FastRtcEngine(this);
  }
}
