package io.fastrtc.jakarta.it.speechapp;

import io.fastrtc.jakarta.api.Modality;
import io.fastrtc.jakarta.api.RealtimeStream;
import io.fastrtc.jakarta.api.speech.SpeechToText;
import io.fastrtc.jakarta.handlers.echo.EchoHandler;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

/** An echo that injects the server's speech-to-text: enough to make the application a user. */
@RealtimeStream(name = "dictation", modality = Modality.AUDIO)
@Dependent
public class Dictation extends EchoHandler {
  /** The server's speech-to-text; never called, only injected. */
  @Inject SpeechToText speechToText;
}
