package com.example.starter;

import io.fastrtc.jakarta.api.Modality;
import io.fastrtc.jakarta.api.RealtimeStream;
import io.fastrtc.jakarta.api.VideoFrame;
import io.fastrtc.jakarta.api.VideoHandler;
import io.fastrtc.jakarta.api.VideoResult;
import jakarta.enterprise.context.Dependent;

/** A video stream: sends the camera back as a photographic negative (brightness inverted). */
@RealtimeStream(
    name = "negative",
    modality = Modality.VIDEO,
    concurrencyLimit = 2,
    skipFrames = true,
    description = "Sends your camera back as a negative")
@Dependent
public class Negative implements VideoHandler {

  @Override
  public VideoResult process(VideoFrame frame) {
    VideoFrame.Planes planes = frame.toI420();
    byte[] luma = planes.y();
    for (int i = 0; i < luma.length; i++) {
      luma[i] = (byte) (255 - (luma[i] & 0xff));
    }
    return VideoFrame.fromPlanes(planes);
  }
}
