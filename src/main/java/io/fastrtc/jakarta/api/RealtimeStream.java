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

  /**
   * Direction of media. The handler type follows from modality and mode (FastRTC's table):
   *
   * <table>
   *   <caption>Handler per modality and mode</caption>
   *   <tr><th>modality</th><th>SEND_RECEIVE</th><th>SEND</th><th>RECEIVE</th></tr>
   *   <tr><td>AUDIO</td><td>{@link StreamHandler}</td><td>{@link StreamHandler} (audio out
   *       ignored)</td><td>{@link StreamHandler} or {@link AudioGenerator}</td></tr>
   *   <tr><td>VIDEO</td><td>{@link VideoHandler}</td><td>{@link VideoHandler} (frames out
   *       ignored)</td><td>{@link VideoGenerator}</td></tr>
   *   <tr><td>AUDIO_VIDEO</td><td>{@link AudioVideoStreamHandler}</td><td>refused</td>
   *       <td>refused</td></tr>
   * </table>
   */
  Mode mode() default Mode.SEND_RECEIVE;

  /** Maximum simultaneous connections; 1 like FastRTC. Must be at least 1. */
  int concurrencyLimit() default 1;

  /** Seconds a connection may last once connected; 0 means no limit. */
  int timeLimitSeconds() default 0;

  /** Sample rate the handler receives audio at. */
  int inputSampleRate() default 48_000;

  /** Sample rate the handler's output is sent at; a multiple of 50, as in FastRTC. */
  int outputSampleRate() default 24_000;

  /**
   * Frames per second of generated video: how often {@link VideoGenerator#next()} (receive mode)
   * and {@link AudioVideoStreamHandler#videoEmit()} are called. 1 to 60; FastRTC's default is 30.
   * Frames a {@link VideoHandler} returns go out as they are produced.
   */
  int fps() default 30;

  /**
   * FastRTC's {@code skip_frames}: when the handler is slower than the client's camera, process
   * only the newest frame and drop the ones that arrived meanwhile, so a slow handler never builds
   * up lag (FastRTC issue #152). Without it, frames queue (at most one second's worth; older input
   * is dropped beyond that).
   */
  boolean skipFrames() default false;

  /**
   * FastRTC's {@code allow_extra_tracks}: accept an offer with a track of a kind this modality does
   * not use (e.g. a camera on an audio stream) and ignore that track. Without it such an offer is
   * refused with {@code Unsupported track kind 'video' for modality 'audio'}.
   */
  boolean allowExtraTracks() default false;

  /** Whether this stream also answers on FastRTC's root paths ({@code /webrtc/offer}, ...). */
  boolean isDefault() default false;

  /**
   * The roles (identity-provider groups) allowed to use this stream when the server runs with
   * single sign-on: a user needs at least one of them to open a connection, and the stream list
   * shows the stream only to such users. Empty (the default) allows every authenticated user.
   * Overridden per server by {@code fastrtc.stream.<name>.roles} (comma-separated). Ignored without
   * single sign-on.
   */
  String[] roles() default {};

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
