package io.fastrtc.jakarta.api;

import java.util.List;
import java.util.Objects;

/**
 * What a handler's {@code emit()} returns: audio, a video frame with additional outputs, additional
 * outputs, a request to close the stream, or nothing. FastRTC's {@code EmitType} and {@code
 * VideoEmitType}, without nulls and tuples.
 */
public sealed interface Emission extends VideoResult
    permits Emission.Audio, Emission.Video, Emission.Outputs, Emission.Close, Emission.Nothing {

  /** Nothing is ready; the runtime calls {@code emit()} again later. */
  static Emission none() {
    return Nothing.INSTANCE;
  }

  /** Audio to play to the client, at any sample rate: the runtime resamples it. */
  static Emission audio(AudioFrame frame) {
    return new Audio(frame);
  }

  /**
   * A video frame together with additional outputs: FastRTC's {@code (frame, AdditionalOutputs)}
   * pair. A handler that has no outputs may return the {@link VideoFrame} itself.
   *
   * @param outputs JSON-B-serialisable values; none means just the frame
   */
  static Emission video(VideoFrame frame, Object... outputs) {
    return new Video(frame, List.of(outputs));
  }

  /** Additional outputs (FastRTC's {@code AdditionalOutputs}): JSON-B-serialisable values. */
  static Emission outputs(Object... values) {
    return new Outputs(List.of(values));
  }

  /** Ends the stream; the client gets {@code {"type":"end_stream","data":message}}. */
  static Emission close(String message) {
    return new Close(message);
  }

  /** Ends the stream with FastRTC's default message, {@code "Stream closed"}. */
  static Emission close() {
    return new Close("Stream closed");
  }

  /**
   * Audio for the client.
   *
   * @param frame the audio; mono or stereo, any positive sample rate
   */
  record Audio(AudioFrame frame) implements Emission {
    /** Validates the frame. */
    public Audio {
      Objects.requireNonNull(frame, "frame == null");
    }
  }

  /**
   * A video frame for the client, and additional outputs (empty for none) for output subscribers.
   * In send mode the frame is ignored and only the outputs count, as in FastRTC.
   *
   * @param frame the frame, any {@link PixelFormat}
   * @param outputs the values, in order
   */
  record Video(VideoFrame frame, List<Object> outputs) implements Emission {
    /** Validates the frame and copies the outputs. */
    public Video {
      Objects.requireNonNull(frame, "frame == null");
      outputs = List.copyOf(outputs);
    }
  }

  /**
   * Additional outputs for output subscribers.
   *
   * @param values the values, in order
   */
  record Outputs(List<Object> values) implements Emission {
    /** Copies the values. */
    public Outputs {
      values = List.copyOf(values);
    }
  }

  /**
   * A request to close the stream.
   *
   * @param message the text sent to the client in {@code end_stream}
   */
  record Close(String message) implements Emission {
    /** Validates the message. */
    public Close {
      Objects.requireNonNull(message, "message == null");
    }
  }

  /** Nothing this time. */
  final class Nothing implements Emission {
    static final Nothing INSTANCE = new Nothing();

    private Nothing() {}

    @Override
    public String toString() {
      return "Emission.none()";
    }
  }
}
