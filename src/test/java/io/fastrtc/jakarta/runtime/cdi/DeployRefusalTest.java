package io.fastrtc.jakarta.runtime.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import io.fastrtc.jakarta.api.Modality;
import io.fastrtc.jakarta.api.Mode;
import io.fastrtc.jakarta.api.RealtimeStream;
import io.fastrtc.jakarta.api.VideoFrame;
import io.fastrtc.jakarta.api.VideoHandler;
import io.fastrtc.jakarta.api.VideoResult;
import io.fastrtc.jakarta.testing.RecordingHandler;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AnnotatedType;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The discovery extension turns an unsupported modality and mode into a CDI definition error, which
 * fails the deployment with the reason (driven here through the two container events it observes).
 */
class DeployRefusalTest {

  @RealtimeStream(name = "av-receive", modality = Modality.AUDIO_VIDEO, mode = Mode.RECEIVE)
  static class AudioVideoReceive extends RecordingHandler {}

  @RealtimeStream(name = "camera", modality = Modality.VIDEO)
  static class Camera implements VideoHandler {
    @Override
    public VideoResult process(VideoFrame frame) {
      return frame;
    }
  }

  @Test
  void audioVideoReceiveFailsTheDeploymentWithTheReasonAndTheBean() {
    List<Throwable> errors = discover(AudioVideoReceive.class, Camera.class);

    assertThat(errors).hasSize(1);
    assertThat(errors.get(0))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("modality AUDIO_VIDEO supports only mode SEND_RECEIVE, not RECEIVE")
        .hasMessageContaining(AudioVideoReceive.class.getName());
  }

  private static List<Throwable> discover(Class<?>... beans) {
    StreamDiscovery discovery = new StreamDiscovery();
    for (Class<?> bean : beans) {
      discovery.collect(processAnnotatedType(bean));
    }
    List<Throwable> errors = new ArrayList<>();
    discovery.validate(
        proxy(
            AfterBeanDiscovery.class,
            (method, args) -> {
              if (method.equals("addDefinitionError")) {
                errors.add((Throwable) args[0]);
              }
              return null;
            }));
    return errors;
  }

  @SuppressWarnings("unchecked")
  private static <T> ProcessAnnotatedType<T> processAnnotatedType(Class<T> bean) {
    AnnotatedType<T> type =
        proxy(AnnotatedType.class, (method, args) -> method.equals("getJavaClass") ? bean : null);
    return proxy(
        ProcessAnnotatedType.class,
        (method, args) -> method.equals("getAnnotatedType") ? type : null);
  }

  @FunctionalInterface
  private interface Answer {
    Object answer(String method, Object[] args);
  }

  @SuppressWarnings("unchecked")
  private static <T> T proxy(Class<?> type, Answer answer) {
    return (T)
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (p, method, args) -> answer.answer(method.getName(), args));
  }
}
