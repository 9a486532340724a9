package io.fastrtc.jakarta.it.drills;

import io.fastrtc.jakarta.api.AudioEmission;
import io.fastrtc.jakarta.api.AudioFrame;
import io.fastrtc.jakarta.api.Emission;
import io.fastrtc.jakarta.api.Modality;
import io.fastrtc.jakarta.api.RealtimeStream;
import jakarta.enterprise.context.Dependent;

/** Echoes for one second, then asks to close ({@code "bye"}); its {@code shutdown} throws. */
@RealtimeStream(name = "failing-shutdown", modality = Modality.AUDIO, concurrencyLimit = 1)
@Dependent
public class ShutdownFailingStream extends DrillEcho {
  private int frames;
  private boolean closing;

  @Override
  public void receive(AudioFrame frame) {
    if (++frames == 50) {
      closing = true;
    }
    super.receive(frame);
  }

  @Override
  public AudioEmission emit() {
    if (closing) {
      closing = false;
      return Emission.close("bye");
    }
    return super.emit();
  }

  @Override
  public void shutdown() {
    super.shutdown();
    throw new IllegalStateException("shutdown failed on purpose");
  }
}
