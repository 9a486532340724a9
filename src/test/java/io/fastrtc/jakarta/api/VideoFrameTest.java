package io.fastrtc.jakarta.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VideoFrameTest {

  @Test
  void sizesFollowTheFormat() {
    assertThat(PixelFormat.I420.frameSize(640, 480)).isEqualTo(640 * 480 * 3 / 2);
    assertThat(PixelFormat.I420.frameSize(5, 3)).isEqualTo(15 + 2 * 3 * 2);
    assertThat(PixelFormat.RGB24.frameSize(4, 2)).isEqualTo(24);
    assertThat(PixelFormat.BGR24.frameSize(4, 2)).isEqualTo(24);
  }

  @Test
  void rejectsDataOfTheWrongLengthNamingTheExpectedSize() {
    assertThatThrownBy(() -> VideoFrame.bgr(4, 2, new byte[23]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("BGR24 4x2 needs 24 bytes, not 23");
    assertThatThrownBy(() -> VideoFrame.i420(0, 2, new byte[0]))
        .hasMessageContaining("must be positive");
    assertThatThrownBy(() -> VideoFrame.rgb(2, 2, null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void planesSplitAndJoinTheTightI420LayoutWithoutAConverter() {
    byte[] data = new byte[PixelFormat.I420.frameSize(5, 3)];
    for (int i = 0; i < data.length; i++) {
      data[i] = (byte) i;
    }
    VideoFrame frame = VideoFrame.i420(5, 3, data);

    VideoFrame.Planes planes = frame.toI420();

    assertThat(planes.chromaWidth()).isEqualTo(3);
    assertThat(planes.chromaHeight()).isEqualTo(2);
    assertThat(planes.y()).hasSize(15).startsWith((byte) 0, (byte) 1).endsWith((byte) 14);
    assertThat(planes.u()).containsExactly(15, 16, 17, 18, 19, 20);
    assertThat(planes.v()).containsExactly(21, 22, 23, 24, 25, 26);
    assertThat(VideoFrame.fromPlanes(planes)).isEqualTo(frame);
  }

  @Test
  void theOwnFormatComesBackWithoutACopy() {
    byte[] bgr = new byte[12];
    VideoFrame frame = VideoFrame.bgr(2, 2, bgr);
    assertThat(frame.toBgr()).isSameAs(bgr);
    assertThat(frame.convertTo(PixelFormat.BGR24)).isSameAs(frame);
    assertThat(frame).hasToString("VideoFrame[2x2 BGR24]");
  }

  @Test
  void aFrameIsAVideoResultAndAFrameWithOutputsIsAnEmission() {
    VideoFrame frame = VideoFrame.rgb(1, 1, new byte[3]);
    VideoResult plain = frame;
    Emission withOutputs = Emission.video(frame, "label", 0.9);
    assertThat(plain).isInstanceOf(VideoFrame.class);
    assertThat(withOutputs)
        .isEqualTo(new Emission.Video(frame, java.util.List.of("label", 0.9)))
        .isInstanceOf(VideoResult.class);
  }
}
