package io.fastrtc.jakarta.it.drills;

import io.fastrtc.jakarta.api.Modality;
import io.fastrtc.jakarta.api.RealtimeStream;
import io.fastrtc.jakarta.api.StreamContext;
import jakarta.enterprise.context.Dependent;

/** Throws in {@code startUp}. */
@RealtimeStream(name = "failing-startup", modality = Modality.AUDIO, concurrencyLimit = 1)
@Dependent
public class StartupFailingStream extends DrillEcho {
  static final String MESSAGE = "start-up failed on purpose";

  @Override
  public void startUp(StreamContext context) {
    super.startUp(context);
    throw new IllegalStateException(MESSAGE);
  }
}
