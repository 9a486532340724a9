package io.fastrtc.jakarta.demo;

import io.fastrtc.jakarta.api.Modality;
import io.fastrtc.jakarta.api.RealtimeStream;
import io.fastrtc.jakarta.api.VideoFrame;
import io.fastrtc.jakarta.api.VideoHandler;
import io.fastrtc.jakarta.api.VideoResult;
import jakarta.enterprise.context.Dependent;
import java.util.Arrays;

/**
 * A visible filter on the I420 planes: keeping the luma (Y) plane and setting both chroma planes to
 * neutral 128 leaves a grayscale picture, with no RGB round trip at all.
 */
@RealtimeStream(
    name = "grayscale",
    modality = Modality.VIDEO,
    concurrencyLimit = 5,
    skipFrames = true,
    description = "Sends your camera back in grayscale")
@Dependent
public class GrayscaleStream implements VideoHandler {

  @Override
  public VideoResult process(VideoFrame frame) {
    VideoFrame.Planes planes = frame.toI420();
    Arrays.fill(planes.u(), (byte) 128);
    Arrays.fill(planes.v(), (byte) 128);
    return VideoFrame.fromPlanes(planes);
  }
}
