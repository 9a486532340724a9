package io.fastrtc.jakarta.runtime;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fastrtc.jakarta.runtime.config.Settings;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;

class FastRtcEngineBuilderTest {

  @Test
  void eachMissingPartIsNamedBeforeAnythingStarts() {
    assertThatThrownBy(() -> FastRtcEngine.builder(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("settings == null");
    assertThatThrownBy(() -> FastRtcEngine.builder(Settings.defaults()).executor(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("executor == null");
    assertThatThrownBy(() -> FastRtcEngine.builder(Settings.defaults()).build())
        .isInstanceOf(NullPointerException.class)
        .hasMessage("executor == null");
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    try {
      assertThatThrownBy(
              () ->
                  FastRtcEngine.builder(Settings.defaults())
                      .executor(Runnable::run)
                      .scheduler(scheduler)
                      .threads(Thread::new)
                      .handlers(stream -> null)
                      .build())
          .isInstanceOf(NullPointerException.class)
          .hasMessage("validator == null");
    } finally {
      scheduler.shutdownNow();
    }
  }
}
