package io.fastrtc.jakarta.runtime.webrtc;

import io.fastrtc.jakarta.api.PixelFormat;

/**
 * Converts pixels between {@link PixelFormat}s. {@link LibyuvConverter} is the runtime's (libyuv
 * through webrtc-java); the API's {@link io.fastrtc.jakarta.api.VideoFrame} converts in plain Java
 * to the same bytes, which {@code LibyuvConverterTest} checks through this interface.
 */
interface PixelConverter {

  /**
   * Converts one frame.
   *
   * @param data the frame in {@code from}, of {@code from.frameSize(width, height)} bytes
   * @return a new array in {@code to}
   */
  byte[] convert(int width, int height, PixelFormat from, byte[] data, PixelFormat to);
}
