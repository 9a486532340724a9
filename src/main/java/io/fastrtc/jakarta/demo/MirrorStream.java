package io.fastrtc.jakarta.demo;

import io.fastrtc.jakarta.api.AudioVideoStreamHandler;
import io.fastrtc.jakarta.api.Emission;
import io.fastrtc.jakarta.api.Modality;
import io.fastrtc.jakarta.api.RealtimeStream;
import io.fastrtc.jakarta.api.VideoFrame;
import io.fastrtc.jakarta.api.VideoResult;
import io.fastrtc.jakarta.handlers.echo.EchoHandler;
import jakarta.enterprise.context.Dependent;

/**
 * Audio-video: a mirror. The microphone comes back as it is (the built-in echo) and the camera
 * comes back mirrored left to right, at most 30 frames per second.
 */
@RealtimeStream(
    name = "mirror",
    modality = Modality.AUDIO_VIDEO,
    concurrencyLimit = 5,
    fps = 30,
    skipFrames = true,
    description = "A mirror: your microphone and your camera, mirrored")
@Dependent
public class MirrorStream extends EchoHandler implements AudioVideoStreamHandler {
  private VideoFrame latest;

  @Override
  public void videoReceive(VideoFrame frame) {
    latest = frame;
  }

  @Override
  public VideoResult videoEmit() {
    VideoFrame frame = latest;
    if (frame == null) {
      return Emission.none(); // nothing new since the last tick
    }
    latest = null;
    VideoFrame.Planes p = frame.toI420();
    return VideoFrame.fromPlanes(
        new VideoFrame.Planes(
            p.width(),
            p.height(),
            Images.mirrorPlane(p.y(), p.width()),
            Images.mirrorPlane(p.u(), p.chromaWidth()),
            Images.mirrorPlane(p.v(), p.chromaWidth())));
  }
}
