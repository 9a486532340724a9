package io.fastrtc.jakarta.it.streams;

import io.fastrtc.jakarta.api.Emission;
import io.fastrtc.jakarta.api.Modality;
import io.fastrtc.jakarta.api.Mode;
import io.fastrtc.jakarta.api.RealtimeStream;
import io.fastrtc.jakarta.api.VideoFrame;
import io.fastrtc.jakarta.api.VideoHandler;
import io.fastrtc.jakarta.api.VideoResult;
import jakarta.enterprise.context.Dependent;

/**
 * Video send mode: returns every frame (which the runtime must ignore) and, every 10th frame, the
 * frame count and size as additional outputs.
 */
@RealtimeStream(name = "frame-report", modality = Modality.VIDEO, mode = Mode.SEND)
@Dependent
public class FrameReportStream implements VideoHandler {
  private int frames;

  @Override
  public VideoResult process(VideoFrame frame) {
    frames++;
    return frames % 10 == 0
        ? Emission.video(frame, "frames", frames, frame.width() + "x" + frame.height())
        : frame;
  }
}
