package io.fastrtc.jakarta.api.spi;

import io.fastrtc.jakarta.api.PixelFormat;

/**
 * Converts pixels between {@link PixelFormat}s for {@link io.fastrtc.jakarta.api.VideoFrame}. The
 * runtime provides the one implementation (libyuv through webrtc-java), registered with {@link
 * java.util.ServiceLoader}; applications do not implement it.
 */
public interface PixelConverter {

  /**
   * Converts one frame.
   *
   * @param data the frame in {@code from}, of {@code from.frameSize(width, height)} bytes
   * @return a new array in {@code to}
   */
  byte[] convert(int width, int height, PixelFormat from, byte[] data, PixelFormat to);
}
