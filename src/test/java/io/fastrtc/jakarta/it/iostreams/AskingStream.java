package io.fastrtc.jakarta.it.iostreams;

import io.fastrtc.jakarta.api.AudioEmission;
import io.fastrtc.jakarta.api.AudioFrame;
import io.fastrtc.jakarta.api.Emission;
import io.fastrtc.jakarta.api.Modality;
import io.fastrtc.jakarta.api.RealtimeStream;
import io.fastrtc.jakarta.api.StreamContext;
import io.fastrtc.jakarta.api.StreamHandler;
import jakarta.enterprise.context.Dependent;
import java.time.Duration;

/**
 * Asks for inputs when it starts (FastRTC's {@code wait_for_args}) and logs what it got: {@code
 * {"type":"log","data":"inputs: <word>"}}, or {@code "inputs: timeout"} after {@link #WAIT}.
 */
@RealtimeStream(
    name = "asking",
    modality = Modality.AUDIO,
    concurrencyLimit = 4,
    inputs = WordInputs.class)
@Dependent
public class AskingStream implements StreamHandler {
  /** How long the handler waits for the client's inputs. */
  public static final Duration WAIT = Duration.ofSeconds(2);

  @Override
  public void startUp(StreamContext context) throws InterruptedException {
    boolean answered = context.waitForInputs(WAIT);
    context.send(
        "log", answered ? "inputs: " + context.inputs(WordInputs.class).word() : "inputs: timeout");
  }

  @Override
  public void receive(AudioFrame frame) {}

  @Override
  public AudioEmission emit() {
    return Emission.none();
  }
}
