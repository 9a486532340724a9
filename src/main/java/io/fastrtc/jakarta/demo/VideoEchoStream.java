package io.fastrtc.jakarta.demo;

import io.fastrtc.jakarta.api.Modality;
import io.fastrtc.jakarta.api.RealtimeStream;
import io.fastrtc.jakarta.api.VideoFrame;
import io.fastrtc.jakarta.api.VideoHandler;
import io.fastrtc.jakarta.api.VideoResult;
import jakarta.enterprise.context.Dependent;

/** Sends every camera frame back unchanged; the video benchmark's stream. */
@RealtimeStream(
    name = "video-echo",
    modality = Modality.VIDEO,
    concurrencyLimit = 10,
    description = "Sends your camera back unchanged")
@Dependent
public class VideoEchoStream implements VideoHandler {

  @Override
  public VideoResult process(VideoFrame frame) {
    return frame;
  }
}
