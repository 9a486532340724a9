package io.fastrtc.jakarta.api;

/**
 * A video stream's logic for modality {@link Modality#VIDEO} in modes {@link Mode#SEND_RECEIVE} and
 * {@link Mode#SEND}: FastRTC's plain function {@code f(frame) -> frame}. Annotate the
 * implementation with {@link RealtimeStream} and {@code @Dependent}; each connection gets a fresh
 * instance.
 *
 * <pre>{@code
 * @RealtimeStream(name = "flip", modality = Modality.VIDEO)
 * @Dependent
 * public class Flip implements VideoHandler {
 *   public VideoResult process(VideoFrame frame) {
 *     byte[] bgr = frame.toBgr();            // B, G, R; rows top to bottom
 *     return VideoFrame.bgr(frame.width(), frame.height(), upsideDown(bgr, frame.width()));
 *   }
 * }
 * }</pre>
 *
 * <p>{@link #process(VideoFrame)} is called for every frame the client sends (or only for the
 * newest one with {@link RealtimeStream#skipFrames()}), never twice at once and never on a media
 * thread. In send-receive mode a returned frame goes back to the client; in send mode frames are
 * ignored and only outputs and close count.
 */
@FunctionalInterface
public interface VideoHandler extends HandlerLifecycle {

  /**
   * Handles one frame from the client.
   *
   * @param frame an {@link PixelFormat#I420} frame
   * @return the frame to send back, or an {@link Emission} (outputs, close, a frame with outputs,
   *     or none)
   */
  VideoResult process(VideoFrame frame) throws Exception;
}
