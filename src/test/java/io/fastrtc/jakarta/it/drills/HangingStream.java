package io.fastrtc.jakarta.it.drills;

import io.fastrtc.jakarta.api.AudioFrame;
import io.fastrtc.jakarta.api.Modality;
import io.fastrtc.jakarta.api.RealtimeStream;
import jakarta.enterprise.context.Dependent;

/**
 * Echoes for half a second, then never returns from {@code receive}: it sleeps until its thread is
 * interrupted (which the runtime does 5 s after it closed the connection as hung).
 */
@RealtimeStream(name = "hanging", modality = Modality.AUDIO, concurrencyLimit = 1)
@Dependent
public class HangingStream extends DrillEcho {
  private int frames;
  private boolean hung;

  @Override
  public void receive(AudioFrame frame) {
    if (++frames == 25) {
      hung = true;
      DrillCounters.set(stream(), "hangStartedMillis", System.currentTimeMillis());
      try {
        Thread.sleep(Long.MAX_VALUE);
      } catch (InterruptedException e) {
        DrillCounters.increment(stream(), "interrupted");
        Thread.currentThread().interrupt();
      }
      return;
    }
    super.receive(frame);
  }

  @Override
  public void shutdown() {
    super.shutdown();
    if (hung) {
      DrillCounters.increment(stream(), "shutdownsAfterHang");
    }
  }
}
