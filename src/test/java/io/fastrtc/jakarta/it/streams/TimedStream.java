package io.fastrtc.jakarta.it.streams;

import io.fastrtc.jakarta.api.Modality;
import io.fastrtc.jakarta.api.RealtimeStream;
import jakarta.enterprise.context.Dependent;

/** An echo closed by the server two seconds after connecting. */
@RealtimeStream(name = "timed", modality = Modality.AUDIO, timeLimitSeconds = 2)
@Dependent
public class TimedStream extends CountingEcho {}
