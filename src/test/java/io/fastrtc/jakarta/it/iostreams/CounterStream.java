package io.fastrtc.jakarta.it.iostreams;

import io.fastrtc.jakarta.api.AudioEmission;
import io.fastrtc.jakarta.api.AudioFrame;
import io.fastrtc.jakarta.api.Emission;
import io.fastrtc.jakarta.api.Modality;
import io.fastrtc.jakarta.api.Output;
import io.fastrtc.jakarta.api.OutputKind;
import io.fastrtc.jakarta.api.RealtimeStream;
import io.fastrtc.jakarta.api.StreamContext;
import io.fastrtc.jakarta.api.StreamHandler;
import jakarta.enterprise.context.Dependent;

/** One output per received frame (50 a second): {@code "<connection id>:<n>"}, n = 1, 2, 3... */
@RealtimeStream(
    name = "counter",
    modality = Modality.AUDIO,
    concurrencyLimit = 4,
    outputs = @Output(name = "count", kind = OutputKind.LOG))
@Dependent
public class CounterStream implements StreamHandler {
  private String id;
  private long n;
  private boolean pending;

  @Override
  public void startUp(StreamContext context) {
    id = context.connectionId();
  }

  @Override
  public void receive(AudioFrame frame) {
    pending = true;
  }

  @Override
  public AudioEmission emit() {
    if (!pending) {
      return Emission.none();
    }
    pending = false;
    return Emission.outputs(id + ":" + ++n);
  }
}
