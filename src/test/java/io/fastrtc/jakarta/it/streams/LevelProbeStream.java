package io.fastrtc.jakarta.it.streams;

import io.fastrtc.jakarta.api.Modality;
import io.fastrtc.jakarta.api.Mode;
import io.fastrtc.jakarta.api.RealtimeStream;
import io.fastrtc.jakarta.api.StreamContext;
import io.fastrtc.jakarta.demo.LevelStream;
import jakarta.enterprise.context.Dependent;

/** The {@code level} demo (audio send mode) with its outputs recorded. */
@RealtimeStream(name = "level-probe", modality = Modality.AUDIO, mode = Mode.SEND)
@Dependent
public class LevelProbeStream extends LevelStream {
  @Override
  public void startUp(StreamContext context) {
    OutputProbe.listen(context);
  }
}
