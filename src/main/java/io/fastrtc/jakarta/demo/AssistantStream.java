package io.fastrtc.jakarta.demo;

import io.fastrtc.jakarta.api.Modality;
import io.fastrtc.jakarta.api.Output;
import io.fastrtc.jakarta.api.OutputKind;
import io.fastrtc.jakarta.api.RealtimeStream;
import io.fastrtc.jakarta.handlers.assistant.VoiceAssistant;
import io.fastrtc.jakarta.handlers.assistant.WakeWord;
import io.fastrtc.jakarta.handlers.turn.Utterance;
import jakarta.enterprise.context.Dependent;

/**
 * A local voice assistant: say "computer" (the wake word is an input), then a question; it
 * transcribes the turn with the server's speech-to-text, answers from {@link LocalIntents} (the
 * time, the date, "repeat after me", a calculation) and speaks the answer. The page shows what it
 * heard and what it answered. Nothing leaves the server.
 */
@RealtimeStream(
    name = "assistant",
    modality = Modality.AUDIO,
    concurrencyLimit = 5,
    inputs = AssistantInputs.class,
    outputs = {
      @Output(name = "transcript", kind = OutputKind.LOG, label = "You said"),
      @Output(name = "answer", kind = OutputKind.LOG, label = "Answer")
    },
    description = "Say \"computer\", then ask the time, the date, a sum, or \"repeat after me\"")
@Dependent
public class AssistantStream extends VoiceAssistant {

  /** A stream bean. */
  public AssistantStream() {
    super(new LocalIntents(), "computer");
  }

  @Override
  protected WakeWord wakeWord(Utterance utterance) {
    return new WakeWord(utterance.inputs(AssistantInputs.class).wakeWord());
  }
}
