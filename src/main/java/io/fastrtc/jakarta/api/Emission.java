package io.fastrtc.jakarta.api;

import java.util.List;
import java.util.Objects;

/**
 * Anything a handler returns, and the factories that make it: FastRTC's {@code EmitType} and {@code
 * VideoEmitType}, without nulls and tuples. The types keep audio and video apart: an audio handler
 * returns an {@link AudioEmission} (audio, outputs, close, nothing) and a video handler a {@link
 * VideoResult} (a frame, a frame with outputs, outputs, close, nothing). What both may return
 * ({@link #none()}, {@link #outputs(Object...)}, {@link #close(String)}) is both.
 */
public sealed interface Emission permits AudioEmission, VideoResult {

  /** Nothing is ready; the runtime calls {@code emit()} again later. Fits audio and video. */
  static Nothing none() {
    return Nothing.INSTANCE;
  }

  /** Audio to play to the client, at any sample rate: the runtime resamples it. */
  static Audio audio(AudioFrame frame) {
    return new Audio(frame);
  }

  /**
   * A video frame together with additional outputs: FastRTC's {@code (frame, AdditionalOutputs)}
   * pair. A handler that has no outputs may return the {@link VideoFrame} itself.
   *
   * @param outputs JSON-B-serialisable values; none means just the frame
   */
  static Video video(VideoFrame frame, Object... outputs) {
    return new Video(frame, List.of(outputs));
  }

  /**
   * Additional outputs (FastRTC's {@code AdditionalOutputs}): JSON-B-serialisable values. Fits
   * audio and video.
   */
  static Outputs outputs(Object... values) {
    return new Outputs(List.of(values));
  }

  /**
   * Ends the stream; the client gets {@code {"type":"end_stream","data":message}}. Fits audio and
   * video.
   */
  static Close close(String message) {
    return new Close(message);
  }

  /** Ends the stream with FastRTC's default message, {@code "Stream closed"}. */
  static Close close() {
    return new Close("Stream closed");
  }

  /**
   * Audio for the client.
   *
   * @param frame the audio; mono or stereo, any positive sample rate
   */
  record Audio(AudioFrame frame) implements AudioEmission {
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
  record Video(VideoFrame frame, List<Object> outputs) implements VideoResult {
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
  record Outputs(List<Object> values) implements AudioEmission, VideoResult {
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
  record Close(String message) implements AudioEmission, VideoResult {
    /** Validates the message. */
    public Close {
      Objects.requireNonNull(message, "message == null");
    }
  }

  /** Nothing this time. */
  final class Nothing implements AudioEmission, VideoResult {
    static final Nothing INSTANCE = new Nothing();

    private Nothing() {}

    @Override
    public String toString() {
      return "Emission.none()";
    }
  }
}
