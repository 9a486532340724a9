package io.fastrtc.jakarta.api;

/**
 * An audio-video stream's logic (modality {@link Modality#AUDIO_VIDEO}, mode {@link
 * Mode#SEND_RECEIVE} only, as in FastRTC): the audio methods of {@link StreamHandler} plus a video
 * pair. All methods of one instance are called one at a time, never on a media thread.
 */
public interface AudioVideoStreamHandler extends StreamHandler {

  /**
   * Receives a video frame from the client (every frame, or the newest one with {@link
   * RealtimeStream#skipFrames()}).
   *
   * @param frame an {@link PixelFormat#I420} frame
   */
  void videoReceive(VideoFrame frame) throws Exception;

  /**
   * The next video frame for the client, called once per frame at {@link RealtimeStream#fps()}.
   *
   * @return a frame, {@link Emission#video(VideoFrame, Object...)}, outputs, close, or {@link
   *     Emission#none()} when there is nothing new to show
   */
  VideoResult videoEmit() throws Exception;
}
