package io.fastrtc.jakarta.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a handler bean as a stream. Validated at deployment: a bad value fails the deployment
 * with the bean's class name in the message.
 *
 * <p>Limits can be overridden per server with MicroProfile Config, e.g. {@code
 * fastrtc.stream.echo.concurrency-limit=20} and {@code fastrtc.stream.echo.time-limit=300}, and a
 * stream is switched off with {@code fastrtc.stream.<name>.enabled=false}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RealtimeStream {

  /**
   * The stream's name: lowercase letters, digits and dashes. Its routes live under {@code
   * /streams/<name>/}; the default stream also answers on FastRTC's root paths.
   */
  String name();

  /** Media kind. FastRTC's default is video; ours must be chosen. */
  Modality modality();

  /** Direction of media. */
  Mode mode() default Mode.SEND_RECEIVE;

  /** Maximum simultaneous connections; 1 like FastRTC. Must be at least 1. */
  int concurrencyLimit() default 1;

  /** Seconds a connection may last once connected; 0 means no limit. */
  int timeLimitSeconds() default 0;

  /** Sample rate the handler receives audio at. */
  int inputSampleRate() default 48_000;

  /** Sample rate the handler's output is sent at; a multiple of 50, as in FastRTC. */
  int outputSampleRate() default 24_000;

  /** Whether this stream also answers on FastRTC's root paths ({@code /webrtc/offer}, ...). */
  boolean isDefault() default false;

  /** A one-line description shown by the bundled page. */
  String description() default "";

  /**
   * The stream's additional inputs: a record whose components are the inputs, with {@link Input}
   * labels and defaults and Bean Validation constraints. The handler reads them typed with {@link
   * StreamContext#inputs(Class)}; clients set them with {@code POST /input_hook}. {@link NoInputs}
   * (the default) accepts any JSON object untyped, as FastRTC does.
   */
  Class<? extends Record> inputs() default NoInputs.class;

  /**
   * The stream's additional outputs, in the order of the values of {@link
   * Emission#outputs(Object...)}. Undeclared outputs are still delivered; declaring them tells a UI
   * how to show them.
   */
  Output[] outputs() default {};
}
