package io.fastrtc.jakarta.runtime.stream;

import io.fastrtc.jakarta.api.AudioVideoStreamHandler;
import io.fastrtc.jakarta.api.HandlerLifecycle;
import io.fastrtc.jakarta.api.Modality;
import io.fastrtc.jakarta.api.Mode;
import io.fastrtc.jakarta.api.RealtimeStream;
import io.fastrtc.jakarta.api.StreamHandler;
import io.fastrtc.jakarta.api.VideoGenerator;
import io.fastrtc.jakarta.api.VideoHandler;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A validated stream declaration: what {@link RealtimeStream} says about a handler bean, after
 * server-side overrides.
 *
 * @param name the stream name, used in paths
 * @param handlerClass the handler bean class
 * @param modality media kind
 * @param mode media direction
 * @param concurrencyLimit maximum simultaneous connections, at least 1
 * @param timeLimitSeconds seconds a connection may last once connected; 0 for none
 * @param inputSampleRate the rate the handler receives audio at
 * @param outputSampleRate the rate the handler's audio is sent at
 * @param isDefault whether the stream answers on FastRTC's root paths
 * @param description one line for the UI
 * @param inputs the additional inputs (untyped when the stream declares none)
 * @param outputs the declared additional outputs, in emission order
 * @param fps frames per second of generated video (receive mode, audio-video)
 * @param skipFrames whether a slow video handler only sees the newest frame
 * @param allowExtraTracks whether offered tracks of an unused kind are ignored instead of refused
 */
public record StreamDefinition(
    String name,
    Class<? extends HandlerLifecycle> handlerClass,
    Modality modality,
    Mode mode,
    int concurrencyLimit,
    int timeLimitSeconds,
    int inputSampleRate,
    int outputSampleRate,
    boolean isDefault,
    String description,
    InputSpec inputs,
    List<OutputSpec> outputs,
    int fps,
    boolean skipFrames,
    boolean allowExtraTracks) {

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

  /** Validates every field; the message names the handler class. */
  public StreamDefinition {
    Objects.requireNonNull(handlerClass, "handlerClass == null");
    Objects.requireNonNull(modality, "modality == null");
    Objects.requireNonNull(mode, "mode == null");
    String where = " (stream bean " + handlerClass.getName() + ")";
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalStateException(
          "@RealtimeStream name \"" + name + "\" must match " + NAME.pattern() + where);
    }
    String shape = HandlerShapes.problem(handlerClass, modality, mode);
    if (shape != null) {
      throw new IllegalStateException(shape + where);
    }
    if (concurrencyLimit < 1) {
      throw new IllegalStateException(
          "concurrencyLimit must be at least 1, not " + concurrencyLimit + where);
    }
    if (timeLimitSeconds < 0) {
      throw new IllegalStateException(
          "timeLimitSeconds must be 0 (none) or positive, not " + timeLimitSeconds + where);
    }
    if (fps < 1 || fps > 60) {
      throw new IllegalStateException("fps must be between 1 and 60, not " + fps + where);
    }
    if (inputSampleRate < 8000 || inputSampleRate > 48_000 || inputSampleRate % 100 != 0) {
      throw new IllegalStateException(
          "inputSampleRate must be a multiple of 100 between 8000 and 48000, not "
              + inputSampleRate
              + where);
    }
    if (outputSampleRate < 8000 || outputSampleRate > 48_000 || outputSampleRate % 50 != 0) {
      throw new IllegalStateException(
          "outputSampleRate must be a multiple of 50 between 8000 and 48000, not "
              + outputSampleRate
              + where);
    }
    if (outputSampleRate % 100 != 0) {
      throw new IllegalStateException(
          "outputSampleRate "
              + outputSampleRate
              + " is a multiple of 50 but libwebrtc takes 10 ms frames: use a multiple of 100"
              + where);
    }
    description = description == null ? "" : description;
    inputs = inputs == null ? InputSpec.untyped() : inputs;
    outputs = outputs == null ? List.of() : List.copyOf(outputs);
  }

  /**
   * Reads and validates the annotation of a handler class.
   *
   * @throws IllegalStateException naming the class when the declaration is invalid
   */
  public static StreamDefinition of(Class<?> beanClass) {
    RealtimeStream a = beanClass.getAnnotation(RealtimeStream.class);
    if (a == null) {
      throw new IllegalStateException(beanClass.getName() + " is not annotated @RealtimeStream");
    }
    if (!HandlerLifecycle.class.isAssignableFrom(beanClass)) {
      throw new IllegalStateException(
          "@RealtimeStream bean "
              + beanClass.getName()
              + " must implement "
              + HandlerShapes.expected(a.modality(), a.mode()));
    }
    return new StreamDefinition(
        a.name(),
        beanClass.asSubclass(HandlerLifecycle.class),
        a.modality(),
        a.mode(),
        a.concurrencyLimit(),
        a.timeLimitSeconds(),
        a.inputSampleRate(),
        a.outputSampleRate(),
        a.isDefault(),
        a.description(),
        InputSpec.of(a.inputs(), " (stream bean " + beanClass.getName() + ")"),
        OutputSpec.of(a.outputs(), " (stream bean " + beanClass.getName() + ")"),
        a.fps(),
        a.skipFrames(),
        a.allowExtraTracks());
  }

  /** A copy with other limits, for server-side overrides. */
  public StreamDefinition withLimits(int concurrencyLimit, int timeLimitSeconds) {
    return new StreamDefinition(
        name,
        handlerClass,
        modality,
        mode,
        concurrencyLimit,
        timeLimitSeconds,
        inputSampleRate,
        outputSampleRate,
        isDefault,
        description,
        inputs,
        outputs,
        fps,
        skipFrames,
        allowExtraTracks);
  }

  /** The path prefix of this stream's own routes, e.g. {@code /streams/echo}. */
  public String basePath() {
    return "/streams/" + name;
  }

  /** Whether the client sends video to the handler. */
  public boolean receivesVideo() {
    return modality.hasVideo() && mode.clientSends();
  }

  /** Whether the server sends video to the client. */
  public boolean sendsVideo() {
    return modality.hasVideo() && mode.serverSends();
  }

  /** Whether the server sends audio to the client. */
  public boolean sendsAudio() {
    return modality.hasAudio() && mode.serverSends();
  }

  /** FastRTC's table of which handler type serves which modality and mode. */
  private static final class HandlerShapes {
    private HandlerShapes() {}

    static Class<?> expected(Modality modality, Mode mode) {
      return switch (modality) {
        case AUDIO -> StreamHandler.class;
        case VIDEO -> mode == Mode.RECEIVE ? VideoGenerator.class : VideoHandler.class;
        case AUDIO_VIDEO -> AudioVideoStreamHandler.class;
      };
    }

    static String problem(Class<?> handler, Modality modality, Mode mode) {
      if (modality == Modality.AUDIO_VIDEO && mode != Mode.SEND_RECEIVE) {
        return "modality AUDIO_VIDEO supports only mode SEND_RECEIVE, not "
            + mode
            + " (as in FastRTC): use modality VIDEO or AUDIO for a one-way stream";
      }
      Class<?> expected = expected(modality, mode);
      if (!expected.isAssignableFrom(handler)) {
        return "a "
            + modality
            + " stream in mode "
            + mode
            + " must implement "
            + expected.getName();
      }
      return null;
    }
  }
}
