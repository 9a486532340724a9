package io.fastrtc.jakarta.handlers.echo;

import static org.assertj.core.api.Assertions.assertThat;

import io.fastrtc.jakarta.api.AudioFrame;
import io.fastrtc.jakarta.api.Emission;
import io.fastrtc.jakarta.api.StreamContext;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class EchoHandlerTest {
  private final AtomicLong buffered = new AtomicLong();
  private final EchoHandler echo = new EchoHandler();

  EchoHandlerTest() {
    echo.startUp(
        (StreamContext)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {StreamContext.class},
                (proxy, method, args) ->
                    method.getName().equals("bufferedAudioMillis") ? buffered.get() : null));
  }

  @Test
  void echoesFramesInOrder() {
    AudioFrame a = AudioFrame.mono(48_000, new short[] {1});
    AudioFrame b = AudioFrame.mono(48_000, new short[] {2});
    echo.receive(a);
    echo.receive(b);
    assertThat(echo.emit()).isEqualTo(Emission.audio(a));
    assertThat(echo.emit()).isEqualTo(Emission.audio(b));
    assertThat(echo.emit()).isSameAs(Emission.none());
  }

  @Test
  void dropsInputWhileTooMuchEchoIsWaitingSoLatencyStaysBounded() {
    buffered.set(EchoHandler.MAX_LAG_MILLIS + 1);
    echo.receive(AudioFrame.mono(48_000, new short[960]));
    assertThat(echo.emit()).isSameAs(Emission.none());
    assertThat(echo.droppedFrames()).isEqualTo(1);

    buffered.set(20);
    echo.receive(AudioFrame.mono(48_000, new short[960]));
    assertThat(echo.emit()).isInstanceOf(Emission.Audio.class);
  }
}
