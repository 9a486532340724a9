package io.fastrtc.jakarta.it.streams;

import io.fastrtc.jakarta.api.AudioEmission;
import io.fastrtc.jakarta.api.AudioFrame;
import io.fastrtc.jakarta.api.Emission;
import io.fastrtc.jakarta.api.Modality;
import io.fastrtc.jakarta.api.RealtimeStream;
import io.fastrtc.jakarta.api.StreamContext;
import io.fastrtc.jakarta.api.StreamHandler;
import jakarta.enterprise.context.Dependent;

/** Throws on the 25th received frame (half a second in). */
@RealtimeStream(name = "failing", modality = Modality.AUDIO, concurrencyLimit = 2)
@Dependent
public class FailingStream implements StreamHandler {
  static final String MESSAGE = "boom on purpose";
  private int frames;

  @Override
  public void startUp(StreamContext context) {
    Lifecycle.started("failing");
  }

  @Override
  public void receive(AudioFrame frame) {
    if (++frames == 25) {
      throw new IllegalStateException(MESSAGE);
    }
  }

  @Override
  public AudioEmission emit() {
    return Emission.none();
  }

  @Override
  public void shutdown() {
    Lifecycle.shutDown("failing");
  }
}
