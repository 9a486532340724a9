package io.fastrtc.jakarta.runtime.webrtc;

import static org.assertj.core.api.Assertions.assertThat;

import io.fastrtc.jakarta.api.AudioFrame;
import io.fastrtc.jakarta.api.AudioVideoStreamHandler;
import io.fastrtc.jakarta.api.Emission;
import io.fastrtc.jakarta.api.Modality;
import io.fastrtc.jakarta.api.Mode;
import io.fastrtc.jakarta.api.RealtimeStream;
import io.fastrtc.jakarta.api.VideoFrame;
import io.fastrtc.jakarta.api.VideoGenerator;
import io.fastrtc.jakarta.api.VideoHandler;
import io.fastrtc.jakarta.api.VideoResult;
import io.fastrtc.jakarta.runtime.stream.StreamDefinition;
import io.fastrtc.jakarta.testing.RecordingHandler;
import org.junit.jupiter.api.Test;

/** Which offers fit which stream, and the exact refusals (FastRTC's wording where it has one). */
class OfferShapeTest {
  private static final String AUDIO = "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\n";
  private static final String VIDEO = "m=video 9 UDP/TLS/RTP/SAVPF 96\r\n";
  private static final String DATA = "m=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\n";

  @RealtimeStream(name = "audio", modality = Modality.AUDIO)
  static class Audio extends RecordingHandler {}

  @RealtimeStream(name = "relaxed", modality = Modality.AUDIO, allowExtraTracks = true)
  static class RelaxedAudio extends RecordingHandler {}

  @RealtimeStream(name = "video", modality = Modality.VIDEO)
  static class Video implements VideoHandler {
    @Override
    public VideoResult process(VideoFrame frame) {
      return frame;
    }
  }

  @RealtimeStream(name = "pattern", modality = Modality.VIDEO, mode = Mode.RECEIVE)
  static class Pattern implements VideoGenerator {
    @Override
    public VideoResult next() {
      return Emission.none();
    }
  }

  @RealtimeStream(name = "av", modality = Modality.AUDIO_VIDEO)
  static class Both extends RecordingHandler implements AudioVideoStreamHandler {
    @Override
    public void receive(AudioFrame frame) {}

    @Override
    public void videoReceive(VideoFrame frame) {}

    @Override
    public VideoResult videoEmit() {
      return Emission.none();
    }
  }

  private static String problem(Class<?> stream, String... sections) {
    return OfferShape.parse("v=0\r\n" + String.join("", sections))
        .problemFor(StreamDefinition.of(stream));
  }

  @Test
  void offersOfTheRightKindsFit() {
    assertThat(problem(Audio.class, AUDIO, DATA)).isNull();
    assertThat(problem(Video.class, VIDEO, DATA)).isNull();
    assertThat(problem(Pattern.class, VIDEO, DATA)).isNull();
    assertThat(problem(Both.class, AUDIO, VIDEO, DATA)).isNull();
  }

  @Test
  void aTrackOfTheWrongKindIsRefusedWithFastRtcsMessage() {
    assertThat(problem(Audio.class, AUDIO, VIDEO, DATA))
        .isEqualTo("Unsupported track kind 'video' for modality 'audio'");
    assertThat(problem(Video.class, AUDIO, VIDEO, DATA))
        .isEqualTo("Unsupported track kind 'audio' for modality 'video'");
  }

  @Test
  void allowExtraTracksAcceptsThemButStillNeedsTheStreamsOwnKind() {
    assertThat(problem(RelaxedAudio.class, AUDIO, VIDEO, DATA)).isNull();
    assertThat(problem(RelaxedAudio.class, VIDEO, DATA))
        .isEqualTo(
            "stream 'relaxed' is an audio stream in send-receive mode: the offer needs an audio"
                + " section (a microphone track)");
  }

  @Test
  void aMissingKindIsNamed() {
    assertThat(problem(Pattern.class, DATA))
        .isEqualTo(
            "stream 'pattern' is a video stream in receive mode: the offer needs a video section"
                + " (a recvonly transceiver)");
    assertThat(problem(Both.class, VIDEO, DATA))
        .isEqualTo(
            "stream 'av' is an audio-video stream in send-receive mode: the offer needs an audio"
                + " section (a microphone track)");
    assertThat(problem(Both.class, AUDIO, DATA)).contains("needs a video section (a camera track)");
  }
}
