package io.fastrtc.jakarta.demo;

import io.fastrtc.jakarta.api.Emission;
import io.fastrtc.jakarta.api.Modality;
import io.fastrtc.jakarta.api.Output;
import io.fastrtc.jakarta.api.OutputKind;
import io.fastrtc.jakarta.api.RealtimeStream;
import io.fastrtc.jakarta.api.StreamContext;
import io.fastrtc.jakarta.api.VideoFrame;
import io.fastrtc.jakarta.api.VideoHandler;
import io.fastrtc.jakarta.api.VideoResult;
import jakarta.enterprise.context.Dependent;

/**
 * FastRTC's own inputs-and-outputs example in video: the camera comes back upside down and every
 * sixth frame (five times a second) the share of pixels brighter than the threshold slider (0 to 1,
 * 0.3 by default) is sent as an additional output.
 */
@RealtimeStream(
    name = "brightness",
    modality = Modality.VIDEO,
    concurrencyLimit = 5,
    skipFrames = true,
    inputs = ThresholdInputs.class,
    outputs =
        @Output(name = "share", kind = OutputKind.VALUE, label = "Share brighter than threshold"),
    description = "Flips your camera and reports the share of pixels brighter than a threshold")
@Dependent
public class BrightnessStream implements VideoHandler {
  private StreamContext context;
  private int frames;

  @Override
  public void startUp(StreamContext context) {
    this.context = context;
  }

  @Override
  public VideoResult process(VideoFrame frame) {
    VideoFrame flipped =
        VideoFrame.bgr(
            frame.width(), frame.height(), Images.flipRows(frame.toBgr(), frame.width() * 3));
    if (++frames % 6 != 0) {
      return flipped;
    }
    double threshold = context.inputs(ThresholdInputs.class).threshold() * 255;
    byte[] luma = frame.toI420().y();
    long bright = 0;
    for (byte y : luma) {
      if ((y & 0xff) > threshold) {
        bright++;
      }
    }
    double share = Math.round(1000.0 * bright / luma.length) / 1000.0;
    return Emission.video(flipped, share);
  }
}
