package io.fastrtc.jakarta.runtime.connection;

import io.fastrtc.jakarta.api.VideoFrame;

/**
 * The media side of a connection (a WebRTC peer, a WebSocket, a phone call): what the runtime
 * pushes into. Only {@link #sendText}, {@link #pushAudio} and {@link #close} are required; the
 * defaults suit a transport that carries a continuous audio track, like WebRTC.
 */
public interface Transport {

  /** Sends a text message to the client (data channel or socket); queued until it can be sent. */
  void sendText(String message);

  /**
   * Sends 10 ms of audio. Called by the shared clock thread only.
   *
   * @param frame interleaved int16 samples, exactly {@code sampleRate / 100 * channels}
   */
  void pushAudio(short[] frame, int sampleRate, int channels);

  /**
   * The sample rate this transport encodes audio at, if it takes any rate and converts itself
   * (WebRTC: Opus at 48 kHz); the connection then sends at this rate and no conversion is done
   * twice. 0 (the default): send at the stream's output rate, which the client expects.
   */
  default int nativeAudioRate() {
    return 0;
  }

  /**
   * Sends one video frame, any format; called from the connection's handler lane. Transports
   * without video (WebSocket, telephone) ignore it.
   */
  default void pushVideo(VideoFrame frame) {}

  /**
   * Called by the clock instead of {@link #pushAudio} when the connection has no audio buffered:
   * {@code frame} is 10 ms of digital silence. The default pushes it, because a WebRTC track must
   * keep flowing; message-based transports (WebSocket, phone) override it to send nothing, and use
   * it to finish a partly filled message and to mark the end of an audio burst.
   */
  default void pushSilence(short[] frame, int sampleRate, int channels) {
    pushAudio(frame, sampleRate, channels);
  }

  /**
   * The handler flushed its queued audio (an interruption, {@code StreamContext.flushAudio()}).
   * Called on the handler's thread, after the runtime dropped its buffer and with the clock held
   * off, so no audio from before the flush is pushed after this call. Transports whose client
   * buffers audio tell it to drop that too (WebSocket {@code clear}, Twilio {@code clear}).
   *
   * @param droppedMillis audio the runtime dropped, 0 if its buffer was empty
   */
  default void onFlush(long droppedMillis) {}

  /**
   * Whether the transport learns itself when the client has played the audio (Twilio's {@code mark}
   * echo) and then calls {@link Connection#playbackEnded()}. Otherwise the connection says playback
   * ended when its outgoing buffer has stayed empty for a moment after audio, which on a transport
   * paced in real time is when the client has it.
   */
  default boolean reportsPlaybackEnd() {
    return false;
  }

  /** Whether this is a phone call: the handler then gets no additional inputs from a client. */
  default boolean isPhone() {
    return false;
  }

  /** {@link #mediaMark()}'s answer when the transport cannot tell. */
  long NO_MARK = Long.MIN_VALUE;

  /**
   * A value that grows whenever media from the client has arrived (e.g. the time of the newest
   * packet), for the idle timeout; 0 or less while none has; or {@link #NO_MARK} when the
   * connection should count the input frames it is handed instead (the default, right for
   * message-based transports, where each frame is media the client sent). WebRTC answers from its
   * RTP receivers, because libwebrtc keeps handing on decoded silence when no packet arrives.
   * Called on the scheduler about once a second; must not block long.
   */
  default long mediaMark() {
    return NO_MARK;
  }

  /** Frees every resource of the transport. Idempotent; never throws. */
  /**
   * What carries the connection, for the connection log: {@code webrtc}, {@code websocket}, {@code
   * telephone}.
   */
  default String kind() {
    return "custom";
  }

  void close();
}
