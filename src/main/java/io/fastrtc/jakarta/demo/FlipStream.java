package io.fastrtc.jakarta.demo;

import io.fastrtc.jakarta.api.Modality;
import io.fastrtc.jakarta.api.RealtimeStream;
import io.fastrtc.jakarta.api.VideoFrame;
import io.fastrtc.jakarta.api.VideoHandler;
import io.fastrtc.jakarta.api.VideoResult;
import jakarta.enterprise.context.Dependent;

/**
 * FastRTC's first video demo, {@code np.flip(frame, axis=0)}: the camera upside down. Works on
 * packed B, G, R bytes like the Python original; the runtime converts to and from I420 with libyuv.
 */
@RealtimeStream(
    name = "flip",
    modality = Modality.VIDEO,
    concurrencyLimit = 5,
    skipFrames = true,
    description = "Sends your camera back upside down")
@Dependent
public class FlipStream implements VideoHandler {

  @Override
  public VideoResult process(VideoFrame frame) {
    byte[] bgr = frame.toBgr();
    return VideoFrame.bgr(frame.width(), frame.height(), Images.flipRows(bgr, frame.width() * 3));
  }
}
