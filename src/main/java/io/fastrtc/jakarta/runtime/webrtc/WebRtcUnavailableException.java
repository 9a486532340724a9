package io.fastrtc.jakarta.runtime.webrtc;

/** libwebrtc could not be loaded or started; the message says what to install or fix. */
public class WebRtcUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  WebRtcUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
