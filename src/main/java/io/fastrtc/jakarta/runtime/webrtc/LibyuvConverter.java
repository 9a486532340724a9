package io.fastrtc.jakarta.runtime.webrtc;

import dev.onvoid.webrtc.media.FourCC;
import dev.onvoid.webrtc.media.video.NativeI420Buffer;
import dev.onvoid.webrtc.media.video.VideoBufferConverter;
import dev.onvoid.webrtc.media.video.VideoFrameBuffer;
import io.fastrtc.jakarta.api.PixelFormat;
import io.fastrtc.jakarta.api.StreamException;
import io.fastrtc.jakarta.api.VideoFrame;

/**
 * Pixel conversion with libwebrtc's libyuv, through webrtc-java's {@link VideoBufferConverter}:
 * I420 to and from packed 24-bit (libyuv's {@code RGB24}, B, G, R in memory; webrtc-java's {@link
 * FourCC#BG24}). The colour maths is all libyuv's. webrtc-java 0.14 exposes no FourCC for R, G, B
 * memory order (libyuv's {@code RAW}), so for {@link PixelFormat#RGB24} the first and third byte of
 * each pixel are swapped in Java before or after libyuv runs: a byte reorder, no arithmetic.
 *
 * <p>The runtime's conversions at the transport ({@link #toNative}, {@link #fromNative}); the API's
 * pure-Java conversions give the same bytes.
 */
final class LibyuvConverter implements PixelConverter {

  /** Creates the converter; libwebrtc is loaded on first use. */
  LibyuvConverter() {}

  @Override
  public byte[] convert(int width, int height, PixelFormat from, byte[] data, PixelFormat to) {
    if (from == to) {
      return data.clone();
    }
    if (from != PixelFormat.I420 && to != PixelFormat.I420) {
      return swapRedBlue(data); // RGB24 <-> BGR24
    }
    NativeI420Buffer buffer = toNative(VideoFrame.of(width, height, from, data));
    try {
      if (to == PixelFormat.I420) {
        return i420Bytes(buffer);
      }
      byte[] bgr = new byte[to.frameSize(width, height)];
      run(() -> VideoBufferConverter.convertFromI420(buffer, bgr, FourCC.BG24));
      return to == PixelFormat.RGB24 ? swapInPlace(bgr) : bgr;
    } finally {
      buffer.release();
    }
  }

  /**
   * A native I420 buffer holding the frame, converted if needed; the caller releases it.
   *
   * @throws StreamException when libwebrtc is unavailable or the conversion fails
   */
  static NativeI420Buffer toNative(VideoFrame frame) {
    load();
    NativeI420Buffer buffer = NativeI420Buffer.allocate(frame.width(), frame.height());
    try {
      switch (frame.format()) {
        case I420 ->
            run(() -> VideoBufferConverter.convertToI420(frame.data(), buffer, FourCC.I420));
        case BGR24 ->
            run(() -> VideoBufferConverter.convertToI420(frame.data(), buffer, FourCC.BG24));
        case RGB24 -> {
          byte[] bgr = swapRedBlue(frame.data());
          run(() -> VideoBufferConverter.convertToI420(bgr, buffer, FourCC.BG24));
        }
      }
      return buffer;
    } catch (RuntimeException e) {
      buffer.release();
      throw e;
    }
  }

  /** A decoded frame as our I420 frame: libyuv copies the planes into one tight array. */
  static VideoFrame fromNative(VideoFrameBuffer buffer) {
    return VideoFrame.i420(buffer.getWidth(), buffer.getHeight(), i420Bytes(buffer));
  }

  private static byte[] i420Bytes(VideoFrameBuffer buffer) {
    byte[] out = new byte[PixelFormat.I420.frameSize(buffer.getWidth(), buffer.getHeight())];
    run(() -> VideoBufferConverter.convertFromI420(buffer, out, FourCC.I420));
    return out;
  }

  private static byte[] swapRedBlue(byte[] packed) {
    return swapInPlace(packed.clone());
  }

  private static byte[] swapInPlace(byte[] packed) {
    for (int i = 0; i + 2 < packed.length; i += 3) {
      byte first = packed[i];
      packed[i] = packed[i + 2];
      packed[i + 2] = first;
    }
    return packed;
  }

  private static void load() {
    try {
      NativeLibrary.load();
    } catch (WebRtcUnavailableException e) {
      throw new StreamException(e.getMessage(), e);
    }
  }

  private static void run(Conversion conversion) {
    try {
      conversion.run();
    } catch (Exception e) {
      throw new StreamException("libyuv conversion failed: " + e.getMessage(), e);
    }
  }

  @FunctionalInterface
  private interface Conversion {
    void run() throws Exception;
  }
}
