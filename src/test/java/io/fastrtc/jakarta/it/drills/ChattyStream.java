package io.fastrtc.jakarta.it.drills;

import io.fastrtc.jakarta.api.AudioFrame;
import io.fastrtc.jakarta.api.Modality;
import io.fastrtc.jakarta.api.RealtimeStream;
import io.fastrtc.jakarta.api.StreamContext;
import jakarta.enterprise.context.Dependent;

/**
 * Sends a 32 KB message for every frame it receives (1.6 MB/s), besides the echo: a client that
 * stops reading falls behind fast.
 */
@RealtimeStream(name = "chatty", modality = Modality.AUDIO, concurrencyLimit = 1)
@Dependent
public class ChattyStream extends DrillEcho {
  private static final String PAYLOAD = "x".repeat(32 * 1024);
  private StreamContext context;

  @Override
  public void startUp(StreamContext context) {
    super.startUp(context);
    this.context = context;
  }

  @Override
  public void receive(AudioFrame frame) {
    context.send("log", PAYLOAD);
    super.receive(frame);
  }
}
