package io.fastrtc.jakarta.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;

/**
 * The compile-level proof that an audio handler cannot return video: the return types of the
 * handler methods are sealed, and video is not among the audio permits.
 */
class EmissionTypesTest {

  private static Class<?> returnType(Class<?> type, String method) throws Exception {
    Method m = type.getMethod(method);
    return m.getReturnType();
  }

  @Test
  void audioHandlersReturnASealedTypeWithExactlyTheAudioPermits() throws Exception {
    for (Class<?> returned :
        new Class<?>[] {
          returnType(StreamHandler.class, "emit"),
          returnType(AudioGenerator.class, "next"),
          returnType(AudioVideoStreamHandler.class, "emit")
        }) {
      assertThat(returned).isEqualTo(AudioEmission.class);
      assertThat(returned.isSealed()).isTrue();
      assertThat(returned.getPermittedSubclasses())
          .containsExactlyInAnyOrder(
              Emission.Audio.class,
              Emission.Outputs.class,
              Emission.Close.class,
              Emission.Nothing.class);
    }
    assertThat(AudioEmission.class.isAssignableFrom(Emission.Video.class))
        .as("Emission.Video is an AudioEmission")
        .isFalse();
    assertThat(AudioEmission.class.isAssignableFrom(VideoFrame.class))
        .as("VideoFrame is an AudioEmission")
        .isFalse();
  }

  @Test
  void videoHandlersReturnASealedTypeWithExactlyTheVideoPermits() throws Exception {
    Class<?>[] returned = {
      VideoHandler.class.getMethod("process", VideoFrame.class).getReturnType(),
      returnType(VideoGenerator.class, "next"),
      returnType(AudioVideoStreamHandler.class, "videoEmit")
    };
    for (Class<?> type : returned) {
      assertThat(type).isEqualTo(VideoResult.class);
      assertThat(type.isSealed()).isTrue();
      assertThat(type.getPermittedSubclasses())
          .containsExactlyInAnyOrder(
              VideoFrame.class,
              Emission.Video.class,
              Emission.Outputs.class,
              Emission.Close.class,
              Emission.Nothing.class);
    }
    assertThat(VideoResult.class.isAssignableFrom(Emission.Audio.class))
        .as("Emission.Audio is a VideoResult")
        .isFalse();
  }

  @Test
  void theSharedFactoriesReturnTypesThatFitBothAndTheOthersOnlyTheirOwn() throws Exception {
    for (Method factory :
        new Method[] {
          Emission.class.getMethod("none"),
          Emission.class.getMethod("outputs", Object[].class),
          Emission.class.getMethod("close", String.class),
          Emission.class.getMethod("close")
        }) {
      assertThat(AudioEmission.class).isAssignableFrom(factory.getReturnType());
      assertThat(VideoResult.class).isAssignableFrom(factory.getReturnType());
    }
    assertThat(Emission.class.getMethod("audio", AudioFrame.class).getReturnType())
        .isEqualTo(Emission.Audio.class);
    assertThat(Emission.class.getMethod("video", VideoFrame.class, Object[].class).getReturnType())
        .isEqualTo(Emission.Video.class);
    assertThat(Emission.class.getPermittedSubclasses())
        .containsExactlyInAnyOrder(AudioEmission.class, VideoResult.class);
  }

  @Test
  void sharedValuesServeBothKindsOfHandler() throws Exception {
    StreamHandler audio =
        new StreamHandler() {
          @Override
          public void receive(AudioFrame frame) {}

          @Override
          public AudioEmission emit() {
            return Emission.outputs("level", 0.5);
          }
        };
    VideoHandler video = frame -> Emission.outputs("level", 0.5);

    assertThat((Emission) audio.emit())
        .isEqualTo(video.process(VideoFrame.rgb(1, 1, new byte[3])))
        .isEqualTo(new Emission.Outputs(java.util.List.of("level", 0.5)));
  }
}
